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
        // The health check asks each member's status and prints the table.
        #expect(calls.contains { $0.hasSuffix("endpoint status") })
        #expect(calls.last?.hasSuffix("endpoint status -w table") == true)
        #expect(run.stdout.contains("the my-ha-cluster cluster is healthy"))
    }

    @Test func twoLeadersFailTheHealthCheck() throws {
        let site = try DeployScriptTests.Site(example: "etcd")
        defer { site.remove() }
        let (run, _) = try site.deploy(["SHIM_SECOND_LEADER": "true"])
        #expect(!run.succeeded)
        #expect(run.stderr.contains("the cluster is not healthy"), "stderr: \(run.stderr)")
    }
}
