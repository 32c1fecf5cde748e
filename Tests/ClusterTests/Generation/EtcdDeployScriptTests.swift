import Foundation
import TestSupport
import Testing

/// deploy.sh of `stack: etcd` (Examples/etcd.yaml), run for real by /bin/sh
/// against the illumos stand-ins: only etcd's account, no passwords, etcd on
/// every node then its health, and a health check that wants one leader.
@Suite struct EtcdDeployScriptTests {
    @Test func theEtcdClusterAloneIsDeployedPhaseByPhase() throws {
        let site = try DeployScriptTests.Site(example: "etcd")
        defer { site.remove() }
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        let enables = calls.filter { $0.contains("svcadm enable") }
        #expect(enables.count == 3 && enables.allSatisfy { $0.contains("svcadm enable svc:/network/pgha/etcd:node") },
                "only etcd is enabled: \(enables)")
        // No PostgreSQL account, no password file: only certificates.
        #expect(calls.contains { $0.contains("getent passwd etcd") })
        #expect(!calls.contains { $0.contains("getent passwd pguser") || $0.contains("postgres") })
        #expect(!calls.contains { $0.contains("chmod 0600 /etc/pgha/secrets") })
        #expect(run.stdout.contains("etcd needs no password"))
        let firstEnable = try #require(DeployScriptTests.first("svcadm enable", in: calls))
        let key = try #require(DeployScriptTests.last("cat > /var/pgha/tls/node3/etcd/node.key.new", in: calls))
        #expect(key < firstEnable)
        let health = try #require(DeployScriptTests.first("endpoint health", in: calls))
        #expect(try #require(DeployScriptTests.last("svcadm enable", in: calls)) < health)
        // Once etcd is healthy: etcd's root user, known by its certificate,
        // then authentication on, by etcdctl on this host with root.crt.
        let rootAdded = try #require(DeployScriptTests.first("user add root --no-password", in: calls))
        let authOn = try #require(DeployScriptTests.first("auth enable", in: calls))
        #expect(health < rootAdded && rootAdded < authOn)
        #expect(calls[authOn].hasPrefix("etcdctl ") && calls[authOn].contains("--cert=\(site.state)/ca/root.crt"),
                "auth enable: \(calls[authOn])")
        #expect(FileManager.default.fileExists(atPath: site.state + "/ca/root.key"))
        #expect(!calls.contains { $0.hasPrefix("zlogin") && $0.contains("root.") }, "root's certificate went into a zone")
        // The health check asks each member's status and prints the table.
        #expect(calls.contains { $0.hasSuffix("endpoint status") })
        #expect(calls.last?.hasSuffix("endpoint status -w table") == true)
        #expect(run.stdout.contains("the my-ha-cluster cluster is healthy"))
    }

    @Test func aSecondDeployFindsRootAndTurnsAuthenticationOnAgain() throws {
        let site = try DeployScriptTests.Site(example: "etcd")
        defer { site.remove() }
        _ = try site.deploy()
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "the second deploy.sh failed: \(run.stderr)")
        #expect(calls.contains { $0.hasSuffix("user get root") } && !calls.contains { $0.contains("user add root") })
        #expect(calls.contains { $0.hasSuffix("auth enable") })
    }

    /// Without etcdctl on the deploying host, the store step says so at
    /// once instead of retrying for minutes.
    @Test func aMissingEtcdctlOnThisHostIsNamed() throws {
        let site = try DeployScriptTests.Site(example: "etcd")
        defer { site.remove() }
        let started = ContinuousClock.now
        let (run, calls) = try site.deploy(["ETCDCTL": "/nonexistent/etcdctl", "TRIES": "150"])
        #expect(!run.succeeded)
        #expect(run.stderr.contains("no etcdctl at /nonexistent/etcdctl on this host, which manages etcd's users as root"),
                "stderr: \(run.stderr)")
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(!calls.contains { $0.contains("auth enable") })
    }

    @Test func twoLeadersFailTheHealthCheck() throws {
        let site = try DeployScriptTests.Site(example: "etcd")
        defer { site.remove() }
        let (run, _) = try site.deploy(["SHIM_SECOND_LEADER": "true"])
        #expect(!run.succeeded)
        #expect(run.stderr.contains("the cluster is not healthy"), "stderr: \(run.stderr)")
    }
}

/// deploy.sh of a grown etcd cluster (docs/cluster-definition.md "Growing
/// the etcd cluster"): node4 with `etcd_state: existing` is announced with
/// `etcdctl member add` once the first three are healthy, and only then
/// enabled; a second run does not add it again.
@Suite struct EtcdGrowthDeployScriptTests {
    @Test func anAddedMemberIsAnnouncedAfterTheOthersAreHealthyThenEnabled() throws {
        let site = try DeployScriptTests.Site(example: "etcd")
        defer { site.remove() }
        // The example grown by node4, generated into the site's own output.
        var text = try String(contentsOfFile: Fixtures.path("Examples/etcd.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "    address: 192.168.0.233\n",
            with: "    address: 192.168.0.233\n  - name: node4\n    address: 192.168.0.234\n    etcd_state: existing\n")
        let grown = site.state + "/etcd.yaml"
        try text.write(toFile: grown, atomically: true, encoding: .utf8)
        try Generated.write(definitionPath: grown, into: site.output)

        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        let enables = calls.indices.filter { calls[$0].contains("svcadm enable svc:/network/pgha/etcd:") }
        #expect(enables.count == 4)
        let node4 = try #require(enables.first { calls[$0].hasSuffix(":node4") })
        let add = try #require(DeployScriptTests.first("member add node4 --peer-urls=https://192.168.0.234:2380", in: calls))
        let health = try #require(DeployScriptTests.first("endpoint health", in: calls))
        // The first three, their health (asked of them alone), the add, then node4.
        #expect(enables.filter { $0 != node4 }.allSatisfy { $0 < health })
        #expect(calls[health].contains("--endpoints='https://192.168.0.231:2379,https://192.168.0.232:2379,https://192.168.0.233:2379'"))
        #expect(health < add && add < node4)
        // Then every member's health, node4's too.
        let lastHealth = try #require(DeployScriptTests.last("endpoint health", in: calls))
        #expect(node4 < lastHealth && calls[lastHealth].contains("https://192.168.0.234:2379"))
        #expect(run.stdout.contains("the my-ha-cluster cluster is healthy"))

        // Run again: node4 is a member now, so no second add.
        let (again, secondCalls) = try site.deploy()
        #expect(again.succeeded, "second deploy.sh failed: \(again.stderr)")
        #expect(!secondCalls.contains { $0.contains("member add") })
        #expect(again.stdout.contains("etcd already has the member node4"))
    }
}
