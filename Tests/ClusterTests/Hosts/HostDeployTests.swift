import Foundation
import TestSupport
import Testing

/// The generated deploy of a definition with hosts, run for real by /bin/sh
/// against the illumos stand-ins (IllumosShims/), with `ssh` standing in for
/// the hosts: each destination is a directory with its own HOME, CA
/// directory and zones. deploy-hosts.sh runs the three hosts' scripts of
/// Examples/three-host-patroni.yaml (alpha: node1; beta: node2; gamma:
/// node3, node4).
@Suite struct HostDeployTests {
    static let hosts = ["alpha": "root@10.1.0.1", "beta": "root@10.1.0.2", "gamma": "root@10.1.0.3"]
    static let zones = ["alpha": ["node1"], "beta": ["node2"], "gamma": ["node3", "node4"]]

    /// The generated tree and a state directory holding one directory per host.
    struct Site {
        let output: String
        let state: String

        /// `proxyHost`: a fourth host, delta, with node5 running haproxy
        /// alone: no etcd member, no PostgreSQL.
        init(proxyHost: Bool = false) throws {
            let example = try String(contentsOfFile: Fixtures.path("Examples/three-host-patroni.yaml"), encoding: .utf8)
            let text = proxyHost
                ? example
                    .replacingOccurrences(of: "    ssh: root@10.1.0.3\n", with: "    ssh: root@10.1.0.3\n  - name: delta\n    ssh: root@10.1.0.4\n")
                    .replacingOccurrences(of: "\netcd:", with: "  - name: node5\n    address: 10.1.1.15\n    host: delta\n    roles: [proxy]\n\netcd:")
                : example
            try self.init(definition: text, destinations: Array(HostDeployTests.hosts.values) + (proxyHost ? ["root@10.1.0.4"] : []))
        }

        /// `example` (node1–node3 at 192.168.0.231–233) with node N on host hN,
        /// reached at ssh destination hN (the default: the host's name).
        init(placing example: String, tlsOff: Bool = false) throws {
            var text = try String(contentsOfFile: Fixtures.path("Examples/\(example).yaml"), encoding: .utf8)
            for index in 1...3 {
                text = text.replacingOccurrences(of: "    address: 192.168.0.23\(index)\n",
                                                 with: "    address: 192.168.0.23\(index)\n    host: h\(index)\n")
            }
            text = text.replacingOccurrences(of: "\nnodes:\n", with: "\nhosts:\n  - name: h1\n  - name: h2\n  - name: h3\n\nnodes:\n")
            if tlsOff { text = text.replacingOccurrences(of: "tls:\n  enabled: true\n", with: "tls:\n  enabled: false\n") }
            try self.init(definition: text, destinations: ["h1", "h2", "h3"])
        }

        init(definition text: String, destinations: [String]) throws {
            let scratch = try Generated.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            try text.write(toFile: scratch + "/cluster.yaml", atomically: true, encoding: .utf8)
            output = try Generated.temporaryDirectory()
            try Generated.write(definitionPath: scratch + "/cluster.yaml", into: output)
            state = try Generated.temporaryDirectory()
            let overlays = state + "/overlays"
            try FileManager.default.createDirectory(atPath: overlays, withIntermediateDirectories: true)
            // Every generated overlay (one per set of node roles) and, as in
            // the global zone, those they require.
            let generated = try FileManager.default.contentsOfDirectory(atPath: output + "/overlays")
                .filter { $0.hasSuffix(".ovl") }.sorted()
            var required: [String] = []
            for file in generated {
                try FileManager.default.copyItem(atPath: output + "/overlays/" + file, toPath: overlays + "/" + file)
                let requires = try String(contentsOfFile: output + "/overlays/" + file, encoding: .utf8).split(separator: "\n")
                    .filter { $0.hasPrefix("REQUIRES=") }.map { String($0.dropFirst("REQUIRES=".count)) }
                required += requires.filter { !required.contains($0) }
            }
            let own = generated.map { String($0.dropLast(".ovl".count)) }
            for overlay in required where overlay != "base" {
                try "VERSION=1\nNAME=x\nREQUIRES=base\n".write(toFile: "\(overlays)/\(overlay).ovl", atomically: true,
                                                               encoding: .utf8)
            }
            try "VERSION=1\nNAME=x\nREQUIRES=core-tribblix\n".write(toFile: overlays + "/base.ovl", atomically: true,
                                                                   encoding: .utf8)
            for destination in destinations {
                let host = "\(state)/hosts/\(destination)"
                try FileManager.default.createDirectory(atPath: host, withIntermediateDirectories: true)
                try (own + ["base", "core-tribblix"] + required.filter { $0 != "base" }).joined(separator: " ")
                    .write(toFile: host + "/overlays.txt", atomically: true, encoding: .utf8)
            }
        }

        var environment: [String: String] {
            ["PATH": Fixtures.path("Tests/ClusterTests/IllumosShims") + ":/usr/bin:/bin", "SHIM_STATE": state,
             "OVERLAYS": state + "/overlays", "TRIES": "3", "DEPLOY_DIR": "tree", "HOME": state,
             // etcdctl on the deploying host, as etcd's root: the shim.
             "ETCDCTL": "etcdctl"]
        }

        func host(_ name: String) -> String {
            "\(state)/hosts/\(HostDeployTests.hosts[name] ?? (name == "delta" ? "root@10.1.0.4" : name))"
        }

        /// Runs `script` with `arguments` in the generated tree (deploy-hosts.sh)
        /// or in a host's copy of it (a host's own script, as ssh would).
        func run(_ script: String, _ arguments: [String] = [], on host: String? = nil,
                 _ extra: [String: String] = [:]) throws -> ProcessRun
        {
            var environment = environment.merging(extra) { _, new in new }
            var directory = output
            if let host {
                let root = self.host(host)
                environment.merge(["HOME": root, "SHIM_STATE": root, "PGHA_CA_DIR": root + "/ca"]) { _, new in new }
                directory = root + "/tree"
                if !FileManager.default.fileExists(atPath: directory) {
                    try FileManager.default.copyItem(atPath: output, toPath: directory)
                }
            }
            return try runProcess(URL(fileURLWithPath: "/bin/sh"), [directory + "/" + script] + arguments,
                                  environment: environment, timeout: 120)
        }

        func lines(_ path: String) -> [String] {
            ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }

        func zonesCreated(on host: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: self.host(host) + "/zones")) ?? []).sorted()
        }

        func file(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

        func mode(_ path: String) -> Int? {
            (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? nil
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: state)
        }
    }

    @Test func eachHostCreatesOnlyItsOwnZonesStepByStepAcrossHosts() throws {
        let site = try Site()
        defer { site.remove() }
        let run = try site.run("deploy-hosts.sh")
        #expect(run.succeeded, "deploy-hosts.sh failed: \(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("deploy-hosts: the prod-pg cluster is deployed on alpha beta gamma"))
        for (host, zones) in Self.zones {
            #expect(site.zonesCreated(on: host) == zones, "\(host) created \(site.zonesCreated(on: host))")
            let calls = site.lines(site.host(host) + "/calls")
            #expect(calls.filter { $0.hasPrefix("zap create-zone") }.count == zones.count)
            // Every zlogin of the host's run is into one of its own zones.
            let entered = Set(calls.filter { $0.hasPrefix("zlogin ") }.map { String($0.split(separator: " ")[1]) })
            #expect(entered == Set(zones), "\(host) logged into \(entered)")
            #expect(run.stdout.contains("\(host): deploy: the prod-pg cluster is healthy as seen from \(host)"))
        }

        // The order across hosts: each step on every host before the next
        // anywhere; the carry between prepare and install.
        let ssh = site.lines(site.state + "/calls").filter { $0.hasPrefix("ssh ") }
        func indices(_ step: String) -> [Int] { ssh.indices.filter { ssh[$0].hasSuffix(step) } }
        // The carry's export and import run together, as the two ends of one pipe.
        let order = [["prepare"], ["export beta", "export gamma", "import"], ["install"], ["store"], ["database"],
                     ["proxy"], ["finish"]]
        for (earlier, later) in zip(order, order.dropFirst()) {
            let before = earlier.flatMap { indices(" " + $0) }
            let after = later.flatMap { indices(" " + $0) }
            #expect(!before.isEmpty && !after.isEmpty, "\(earlier) or \(later) never ran: \(ssh)")
            #expect((before.max() ?? .max) < (after.min() ?? .min), "\(earlier) did not finish everywhere before \(later)")
        }
        #expect(indices(" prepare").count == 3 && indices(" finish").count == 3)
        #expect(ssh.filter { $0.contains(" export ") }.allSatisfy { $0.contains("deploy-alpha.sh alpha export") })
    }

    @Test func theFirstHostsPasswordsAndCertificatesAreCarriedAndNeverShown() throws {
        let site = try Site()
        defer { site.remove() }
        let run = try site.run("deploy-hosts.sh")
        #expect(run.succeeded, "deploy-hosts.sh failed: \(run.stdout)\(run.stderr)")
        let secrets = "/.smfkit/prod-pg/secrets"
        let password = try #require(site.file(site.host("alpha") + secrets + "/superuser-password"))
        #expect(password.count >= 32)
        for host in ["beta", "gamma"] {
            let directory = site.host(host) + secrets
            #expect(site.file(directory + "/superuser-password") == password, "\(host) has another password")
            #expect(site.mode(directory) == 0o700)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                #expect(site.mode(directory + "/" + name) == 0o600, "\(host): \(name) is not 0600")
            }
            // The CA's key stays on alpha; each host gets its own nodes' keys only.
            let ca = site.host(host) + "/ca"
            #expect(site.mode(ca) == 0o700)
            #expect(site.file(ca + "/ca.key") == nil, "\(host) got the CA's key")
            #expect(site.file(ca + "/ca.crt") == site.file(site.host("alpha") + "/ca/ca.crt"))
            for node in ["node1", "node2", "node3", "node4"] {
                let own = Self.zones[host]?.contains(node) == true
                #expect((site.file("\(ca)/\(node).key") != nil) == own, "\(host) and \(node).key")
                if own { #expect(site.mode("\(ca)/\(node).key") == 0o600) }
            }
        }
        // node4 (gamma) got alpha's password, in its zone, as a 0600 file.
        let zoneFile = site.host("gamma") + "/zones/node4/files/_etc_pgha_secrets_superuser-password"
        #expect(site.file(zoneFile) == password)
        // No password on any command line of any host, nor in the output.
        var logs = site.lines(site.state + "/calls")
        for host in Self.hosts.keys { logs += site.lines(site.host(host) + "/calls") }
        #expect(!logs.contains { $0.contains(password) })
        #expect(!run.stdout.contains(password) && !run.stderr.contains(password))
        // Nothing secret was left on the operator's machine.
        #expect(!FileManager.default.fileExists(atPath: site.state + secrets))
    }

    @Test func aHostsScriptRefusesAnotherHostsName() throws {
        let site = try Site()
        defer { site.remove() }
        let run = try site.run("deploy-alpha.sh", ["beta"], on: "beta")
        #expect(run.status == 1)
        #expect(run.stderr.contains("deploy: this is the deploy script of host alpha; run it there as 'sh deploy-alpha.sh alpha [STEP]'"))
        #expect(site.zonesCreated(on: "beta").isEmpty)
        #expect(site.lines(site.host("beta") + "/calls").isEmpty)
        let none = try site.run("deploy-alpha.sh", [], on: "alpha")
        #expect(none.status == 1 && site.zonesCreated(on: "alpha").isEmpty)
        let unknown = try site.run("deploy-alpha.sh", ["alpha", "stor"], on: "alpha")
        #expect(unknown.status == 1 && unknown.stderr.contains("no step 'stor'; the steps are: prepare install store"))
    }

    @Test func aStepThatNeedsTheCarryFailsSayingHowToCarry() throws {
        let site = try Site()
        defer { site.remove() }
        #expect(try site.run("deploy-beta.sh", ["beta", "prepare"], on: "beta").succeeded)
        #expect(site.zonesCreated(on: "beta") == ["node2"])
        let install = try site.run("deploy-beta.sh", ["beta", "install"], on: "beta")
        #expect(install.status == 1)
        #expect(install.stderr.contains("is not on this host: it is made on alpha and carried here by deploy-hosts.sh"))
        // Only alpha exports, and only for another host.
        let export = try site.run("deploy-beta.sh", ["beta", "export", "gamma"], on: "beta")
        #expect(export.status == 1 && export.stderr.contains("only alpha holds the passwords and the CA"))
    }

    @Test func aHostWithNeitherEtcdNorPostgresLeavesTheClusterChecksToTheOthers() throws {
        let site = try Site(proxyHost: true)
        defer { site.remove() }
        let run = try site.run("deploy-hosts.sh")
        #expect(run.succeeded, "deploy-hosts.sh failed: \(run.stdout)\(run.stderr)")
        #expect(site.zonesCreated(on: "delta") == ["node5"])
        #expect(run.stdout.contains("delta: deploy: no etcd member on this host; the hosts with members wait until etcd is healthy"))
        #expect(run.stdout.contains("delta: deploy: no PostgreSQL node on this host; the hosts with one wait for the leader and its replicas"))
        #expect(run.stdout.contains("delta: deploy: the prod-pg cluster is healthy as seen from delta"))
        let calls = site.lines(site.host("delta") + "/calls")
        #expect(!calls.contains { $0.contains("etcdctl") || $0.contains("patronictl") })
        // delta gets haproxy's client certificate and the statistics password, not the CA's key.
        #expect(site.file(site.host("delta") + "/ca/haproxy.pem") != nil)
        #expect(site.file(site.host("delta") + "/ca/ca.key") == nil)
        // node5's own key stays on alpha: haproxy presents haproxy's certificate, nothing in node5 its own.
        #expect(site.file(site.host("delta") + "/ca/node5.key") == nil)
        #expect(site.file(site.host("delta") + "/zones/node5/files/_etc_pgha_secrets_stats-password") != nil)
        // Only the statistics page's password was carried to delta: not the database's.
        let carried = try FileManager.default.contentsOfDirectory(atPath: site.host("delta") + "/.smfkit/prod-pg/secrets")
        #expect(carried == ["stats-password"])
    }

    /// A host of etcd members alone, with TLS off, needs nothing from the
    /// first host: no password is carried to it, and export says so.
    @Test func aHostThatUsesNoPasswordIsCarriedNone() throws {
        let example = try String(contentsOfFile: Fixtures.path("Examples/three-host-patroni.yaml"), encoding: .utf8)
        let text = example
            .replacingOccurrences(of: "    ssh: root@10.1.0.3\n", with: "    ssh: root@10.1.0.3\n  - name: delta\n    ssh: root@10.1.0.4\n")
            .replacingOccurrences(of: "    host: gamma\n    roles: [etcd]\n", with: "    host: delta\n    roles: [etcd]\n")
            + "\ntls:\n  enabled: false\n"
        let site = try Site(definition: text, destinations: Array(Self.hosts.values) + ["root@10.1.0.4"])
        defer { site.remove() }
        let run = try site.run("deploy-hosts.sh")
        #expect(run.succeeded, "deploy-hosts.sh failed: \(run.stdout)\(run.stderr)")
        #expect(site.zonesCreated(on: "delta") == ["node3"])
        #expect(!run.stdout.contains("carrying the passwords and TLS files from alpha to delta"))
        #expect(run.stdout.contains("carrying the passwords and TLS files from alpha to gamma"))
        #expect(run.stdout.contains("delta: deploy: this host's zones use no password; none was carried here"))
        #expect(!FileManager.default.fileExists(atPath: site.host("delta") + "/.smfkit/prod-pg/secrets/superuser-password"))
        #expect(site.file(site.host("gamma") + "/.smfkit/prod-pg/secrets/superuser-password") != nil)
        let export = try site.run("deploy-alpha.sh", ["alpha", "export", "delta"], on: "alpha")
        #expect(export.status == 1 && export.stderr.contains("delta needs nothing from alpha"))
    }

    /// The other stacks, and TLS off, through the same steps (replication's
    /// own order: HostReplicationTests): stolon's
    /// initial data is made once, from h1 (its first PostgreSQL node);
    /// with TLS off, only the passwords are carried; the etcd stack
    /// carries only certificates.
    @Test(arguments: [("stolon", false), ("patroni", true), ("etcd", false), ("replication", true)])
    func everyStackDeploysHostByHost(example: String, tlsOff: Bool) throws {
        let site = try Site(placing: example, tlsOff: tlsOff)
        defer { site.remove() }
        let run = try site.run("deploy-hosts.sh")
        #expect(run.succeeded, "deploy-hosts.sh failed: \(run.stdout)\(run.stderr)")
        for (index, host) in ["h1", "h2", "h3"].enumerated() {
            #expect(site.zonesCreated(on: host) == ["node\(index + 1)"])
        }
        let inits = ["h1", "h2", "h3"].filter { host in
            site.lines(site.host(host) + "/calls").contains { $0.contains("stolonctl") && $0.contains("init --yes") }
        }
        #expect(inits == (example == "stolon" ? ["h1"] : []))
        let carried = (try? FileManager.default.contentsOfDirectory(atPath: site.host("h2") + "/ca")) ?? []
        #expect(carried.sorted() == (tlsOff ? [] : ["ca.crt", "node2.crt", "node2.key"]), "\(carried)")
        // The passwords where there is PostgreSQL; none for etcd alone.
        let cluster = try #require(site.file(site.output + "/deploy-h2.sh")?.split(separator: "\n")
            .first { $0.hasPrefix("SECRETS=") }.map { String($0.split(separator: "/").dropLast().last ?? "") })
        let passwords = (try? FileManager.default.contentsOfDirectory(atPath: "\(site.host("h2"))/.smfkit/\(cluster)/secrets")) ?? []
        #expect(passwords.contains("superuser-password") == (example != "etcd"), "\(passwords)")
    }
}
