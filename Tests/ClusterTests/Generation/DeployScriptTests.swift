import Foundation
import TestSupport
import Testing

/// The generated deploy.sh, run for real by /bin/sh against stand-ins of
/// the illumos commands it drives (`zoneadm`, `zlogin`, `zap`; IllumosShims/
/// says what they do), which record every call: the order of its phases
/// across the nodes, what a second run does and does not do, and its loud
/// failures.
@Suite struct DeployScriptTests {
    /// One generated tree, a shim state directory and an overlay directory.
    struct Site {
        let output: String
        let state: String

        /// `definitionExtra` is appended to the example's definition.
        init(example: String = "patroni", definitionExtra: String = "") throws {
            output = definitionExtra.isEmpty
                ? try Generated.directory(ofExample: example)
                : try Generated.directory(ofExample: example, appending: definitionExtra)
            state = try Generated.temporaryDirectory()
            try FileManager.default.createDirectory(atPath: state + "/overlays", withIntermediateDirectories: true)
            // The generated overlay and, as in the global zone, those it requires.
            let overlays = output + "/overlays/pgha.ovl"
            try FileManager.default.copyItem(atPath: overlays, toPath: state + "/overlays/pgha.ovl")
            let required = try String(contentsOfFile: overlays, encoding: .utf8).split(separator: "\n")
                .filter { $0.hasPrefix("REQUIRES=") }.map { $0.dropFirst("REQUIRES=".count) }
            for overlay in required where overlay != "base" {
                try "VERSION=1\nNAME=x\nREQUIRES=base\n".write(toFile: "\(state)/overlays/\(overlay).ovl", atomically: true,
                                                               encoding: .utf8)
            }
            try "VERSION=1\nNAME=x\nREQUIRES=core-tribblix\n".write(toFile: state + "/overlays/base.ovl", atomically: true,
                                                                   encoding: .utf8)
            try (["pgha", "base", "core-tribblix"] + required.map(String.init)).joined(separator: " ")
                .write(toFile: state + "/overlays.txt", atomically: true, encoding: .utf8)
        }

        /// Runs deploy.sh; `calls` are the commands it ran, in order.
        func deploy(_ extra: [String: String] = [:]) throws -> (run: ProcessRun, calls: [String]) {
            try? FileManager.default.removeItem(atPath: state + "/calls")
            _ = FileManager.default.createFile(atPath: state + "/calls", contents: nil)
            var environment = [
                "PATH": Fixtures.path("Tests/ClusterTests/IllumosShims") + ":/usr/bin:/bin",
                "HOME": state, "SHIM_STATE": state, "OVERLAYS": state + "/overlays", "TRIES": "3",
                // etcdctl on the deploying host, as etcd's root: the shim.
                "ETCDCTL": "etcdctl",
                // tls/certificates.sh makes the CA here, with the real openssl.
                "PGHA_CA_DIR": state + "/ca",
            ]
            environment.merge(extra) { _, new in new }
            let run = try runProcess(URL(fileURLWithPath: "/bin/sh"), [output + "/deploy.sh"], environment: environment,
                                     timeout: 60)
            let calls = try String(contentsOfFile: state + "/calls", encoding: .utf8).split(separator: "\n").map(String.init)
            return (run, calls)
        }

        func setZone(_ zone: String, _ file: String, to text: String) throws {
            try text.write(toFile: "\(state)/zones/\(zone)/\(file)", atomically: true, encoding: .utf8)
        }

        func zone(_ zone: String, _ file: String) -> String? {
            try? String(contentsOfFile: "\(state)/zones/\(zone)/\(file)", encoding: .utf8)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: state)
        }
    }

    /// The index of the first call containing `text` (nil if none).
    static func first(_ text: String, in calls: [String]) -> Int? {
        calls.firstIndex { $0.contains(text) }
    }

    static func last(_ text: String, in calls: [String]) -> Int? {
        calls.lastIndex { $0.contains(text) }
    }

    @Test func firstRunGoesPhaseByPhaseAcrossAllNodes() throws {
        let site = try Site()
        defer { site.remove() }
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        #expect(calls.filter { $0.hasPrefix("zap create-zone") }.count == 3)

        // Every zone exists, has its overlay and its accounts before any daemon is enabled.
        let firstEnable = try #require(Self.first("svcadm enable", in: calls))
        #expect(try #require(Self.last("zap create-zone", in: calls)) < firstEnable)
        #expect(try #require(Self.last("/var/sadm/overlays/installed/pgha", in: calls)) < firstEnable)
        #expect(try #require(Self.last("getent passwd", in: calls)) < firstEnable)
        #expect(try #require(Self.last("chmod 0600", in: calls)) < firstEnable)
        // tls/certificates.sh's one call: every zone's keys are in place first.
        for node in ["node1", "node2", "node3"] {
            let key = try #require(Self.last("zlogin \(node) umask 077 && cat > /var/pgha/tls/\(node)/etcd/node.key.new",
                                             in: calls))
            #expect(key < firstEnable)
        }
        // Log rotation for every service's SMF log in every zone.
        for node in ["node1", "node2", "node3"] {
            for (kind, service) in [("etcd", "network-pgha-etcd"), ("patroni", "database-pgha-patroni"),
                                    ("haproxy", "network-pgha-haproxy")] {
                #expect(calls.contains(
                    "zlogin \(node) /usr/sbin/logadm -w pgha-\(kind) -C 8 -s 10m -c -N '/var/svc/log/\(service):*.log'"))
            }
        }

        // etcd on every node, then its health, then patroni everywhere, then
        // one leader and the replicas, then haproxy everywhere.
        let etcdEnabled = try #require(Self.last("svcadm enable svc:/network/pgha/etcd:", in: calls))
        let etcdHealth = try #require(Self.first("endpoint health", in: calls))
        let firstPatroni = try #require(Self.first("svcadm enable svc:/database/pgha/patroni:", in: calls))
        let lastPatroni = try #require(Self.last("svcadm enable svc:/database/pgha/patroni:", in: calls))
        let leaderCheck = try #require(Self.first("list -f tsv", in: calls))
        let firstHaproxy = try #require(Self.first("svcadm enable svc:/network/pgha/haproxy:", in: calls))
        #expect(calls.filter { $0.contains("svcadm enable svc:/network/pgha/etcd:") }.count == 3)
        #expect(etcdEnabled < etcdHealth && etcdHealth < firstPatroni)
        #expect(lastPatroni < leaderCheck && leaderCheck < firstHaproxy)

        // The profiles once everything runs, then the health check, which
        // asks every instance's state and prints the cluster.
        let applied = calls.indices.filter { calls[$0].contains("svccfg apply /etc/svc/profile/site/pgha.xml") }
        #expect(applied.count == 3)
        #expect(applied.allSatisfy { $0 > (Self.last("svcadm enable", in: calls) ?? .max) })
        let health = calls[(applied.last ?? 0)...]
        for node in ["node1", "node2", "node3"] {
            for service in ["network/pgha/etcd", "database/pgha/patroni", "network/pgha/haproxy"] {
                #expect(health.contains { $0 == "zlogin \(node) /usr/bin/svcs -H -o state svc:/\(service):\(node)" })
            }
        }
        #expect(health.last?.hasSuffix("patronictl -c /etc/pgha/patroni.yml list") == true)
        #expect(run.stdout.contains("the my-ha-cluster cluster is healthy"))
        // The site profile directory is made before the profile is written.
        #expect(calls.contains { $0.contains("mkdir -p /etc/svc/profile/site && cat > /etc/svc/profile/site/pgha.xml") })
    }

    @Test func secondRunBootsAHaltedZoneAndChangesNothingElse() throws {
        let site = try Site()
        defer { site.remove() }
        #expect(try site.deploy().run.succeeded)
        try site.setZone("node2", "state", to: "installed\n")
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        #expect(calls.contains("zoneadm -z node2 boot"))
        #expect(!calls.contains { $0.hasPrefix("zap create-zone") })
        #expect(!calls.contains { $0.contains("svcadm enable") }, "a second run enabled something")
        #expect(!calls.contains { $0.contains("svccfg apply") }, "an unchanged profile was applied again")
        #expect(!calls.contains { $0.contains("cat > /etc/pgha/secrets") }, "a secret was replaced")
        #expect(run.stdout.contains("the profile of node1 is unchanged"))
    }

    @Test func whatAnOperatorDisabledStaysDisabled() throws {
        let site = try Site()
        defer { site.remove() }
        #expect(try site.deploy().run.succeeded)
        // An operator disables etcd on node1; meanwhile the profile of
        // node1 changed (here: the applied one lacks haproxy, as if the
        // cluster had gained that service since).
        try site.setZone("node1", "enabled/svc__network_pgha_etcd_node1", to: "false\n")
        let applied = try #require(site.zone("node1", "profile"))
        let withoutHaproxy = applied.replacing(
            /\ \ <service name="network\/pgha\/haproxy"[\s\S]*?<\/service>\n/, with: "")
        try site.setZone("node1", "profile", to: withoutHaproxy)

        let (run, calls) = try site.deploy()
        #expect(!calls.contains("zlogin node1 /usr/sbin/svcadm enable svc:/network/pgha/etcd:node1"))
        #expect(calls.contains("zlogin node1 /usr/sbin/svcadm enable svc:/network/pgha/haproxy:node1"))
        #expect(calls.contains("zlogin node1 /usr/sbin/svccfg apply /etc/svc/profile/site/pgha.xml"))
        #expect(!calls.contains("zlogin node2 /usr/sbin/svccfg apply /etc/svc/profile/site/pgha.xml"))
        #expect(site.zone("node1", "enabled/svc__network_pgha_etcd_node1") == "false\n")
        let profile = try #require(site.zone("node1", "profile"))
        #expect(profile.contains("<service name=\"network/pgha/etcd\" type=\"service\" version=\"1\">\n    <instance name=\"node1\" enabled=\"false\">"))
        #expect(profile.contains("<service name=\"network/pgha/haproxy\" type=\"service\" version=\"1\">\n    <instance name=\"node1\" enabled=\"true\">"))
        // And the health check says so, loudly.
        #expect(run.status == 1)
        #expect(run.stderr.contains("svc:/network/pgha/etcd:node1 on node1 is disabled, not online"))
        #expect(run.stderr.contains("the cluster is not healthy: 1 problem(s) above"))
    }

    @Test func aZoneWithoutItsOverlayStopsTheDeployBeforeAnyDaemon() throws {
        let site = try Site()
        defer { site.remove() }
        let (run, calls) = try site.deploy(["SHIM_OVERLAY_FAILS": "node2:pgha"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the pgha overlay did not install in zone node2"))
        #expect(!calls.contains { $0.contains("svcadm enable") || $0.contains("useradd") })
    }

    /// zap installs the REQUIRES'd overlays without checking how that went,
    /// and pkgadd's dependency checks are off: ours can be marked installed
    /// while patroni's is not.
    @Test func aRequiredOverlayThatDidNotInstallStopsTheDeployToo() throws {
        let site = try Site()
        defer { site.remove() }
        let (run, calls) = try site.deploy(["SHIM_OVERLAY_FAILS": "node3:patroni"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the patroni overlay did not install in zone node3"))
        for overlay in ["base", "core-tribblix", "patroni", "pgha"] {
            #expect(calls.contains("zlogin node1 test -f /var/sadm/overlays/installed/\(overlay)"))
        }
        #expect(!calls.contains { $0.contains("svcadm enable") })
    }

    @Test func aZoneThatDidNotInstallStopsTheDeployAtOnce() throws {
        let site = try Site()
        defer { site.remove() }
        let (run, calls) = try site.deploy(["SHIM_INSTALL_FAILS": "node1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("zap create-zone did not leave zone node1 running (it is 'configured')"))
        #expect(!calls.contains { $0.hasPrefix("zlogin") }, "it waited for a zone that cannot come up")
    }

    @Test func anOverlayZapDoesNotKnowStopsTheDeployBeforeAnyZone() throws {
        let site = try Site()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.state + "/overlays/pgha.ovl")
        let (run, calls) = try site.deploy()
        #expect(run.status == 1)
        #expect(run.stderr.contains("zap does not know the pgha overlay"))
        #expect(calls.isEmpty)
    }

    @Test func stolonIsInitialisedOnceBetweenEtcdAndItsDaemons() throws {
        let site = try Site(example: "stolon")
        defer { site.remove() }
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        let etcdHealth = try #require(Self.first("endpoint health", in: calls))
        let initialise = try #require(Self.first("stolonctl --cluster-name stolon-cluster", in: calls))
        let firstKeeper = try #require(Self.first("svcadm enable svc:/database/pgha/stolon/keeper:", in: calls))
        let lastSentinel = try #require(Self.last("svcadm enable svc:/database/pgha/stolon/sentinel:", in: calls))
        let leaderCheck = try #require(Self.first(" status", in: calls))
        let firstProxy = try #require(Self.first("svcadm enable svc:/database/pgha/stolon/proxy:", in: calls))
        #expect(calls.filter { $0.hasSuffix(" init --yes --file -") }.count == 1)
        #expect(etcdHealth < initialise && initialise < firstKeeper)
        #expect(lastSentinel < leaderCheck && leaderCheck < firstProxy)
        #expect(run.stdout.contains("Master: postgres0"))
        #expect(run.stdout.contains("the my-ha-cluster cluster is healthy"))

        let again = try site.deploy()
        #expect(again.run.succeeded, "\(again.run.stderr)")
        #expect(!again.calls.contains { $0.hasSuffix(" init --yes --file -") }, "stolonctl init ran on an initialised cluster")
        #expect(again.run.stdout.contains("stolon cluster stolon-cluster is already initialised"))
    }

    @Test(arguments: ["SHIM_KEEPER3_HEALTHY=false", "SHIM_NO_MASTER=1"])
    func anUnhealthyStolonClusterFailsTheDeploy(fault: String) throws {
        let site = try Site(example: "stolon")
        defer { site.remove() }
        let parts = fault.split(separator: "=").map(String.init)
        let (run, calls) = try site.deploy([parts[0]: parts[1]])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the cluster has no leader with every other node its replica"))
        #expect(run.stderr.contains("=== Keepers ==="), "the cluster's state is shown: \(run.stderr)")
        #expect(!calls.contains { $0.contains("svcadm enable svc:/database/pgha/stolon/proxy:") })
    }

    /// The test of one leader and the replicas that deploy.sh and the
    /// end-to-end test share, on `patronictl list -f tsv` output.
    @Test(arguments: [
        ("Leader running, Replica running, Replica running", true),
        ("Leader running, Replica streaming, Replica streaming", true),
        ("Leader running, Leader running, Replica running", false),
        ("Leader running, Replica running, Replica stopped", false),
        ("Replica running, Replica running, Replica running", false),
        ("Leader running, Replica running", false),
    ])
    func leaderAndReplicasCheck(members: String, healthy: Bool) throws {
        let site = try Site()
        defer { site.remove() }
        var listing = "Cluster\tMember\tHost\tRole\tState\tTL\tLag in MB\n"
        for (index, member) in members.split(separator: ",").enumerated() {
            let parts = member.split(separator: " ")
            listing += "c\tnode\(index + 1)\th\t\(parts[0])\t\(parts[1])\t1\t0\n"
        }
        let run = try runProcess(URL(fileURLWithPath: "/bin/sh"),
                                 ["-c", ". \(site.output)/deploy.sh && patroni_members_healthy 3"],
                                 environment: ["DEPLOY_LIBRARY": "1", "PATH": "/usr/bin:/bin", "HOME": site.state],
                                 input: listing)
        #expect(run.succeeded == healthy, "\(members): \(run.stderr)")
    }
}
