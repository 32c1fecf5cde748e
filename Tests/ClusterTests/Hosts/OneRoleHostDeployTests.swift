import Foundation
import TestSupport
import Testing

/// A host whose one node has a role that leaves most steps with nothing to
/// do — etcd alone, haproxy or the stolon proxy alone, a stolon sentinel
/// alone — deploys from deploy-hosts.sh beside three full hosts, against
/// the illumos stand-ins: every step passes on it, it creates only its
/// zone, and it reports the cluster healthy as seen from itself. (A fourth
/// PostgreSQL node is the three-host example's node4; the stand-ins answer
/// for three.) The placements are HostScriptSyntaxTests', TLS on.
@Suite struct OneRoleHostDeployTests {
    static let placements = HostScriptSyntaxTests.placements.filter {
        $0.tls && $0.role != "postgres" && $0.example != "shared-etcd/orders"
    }

    @Test(arguments: placements)
    func deployHostsRunsEveryStepOnIt(_ placement: HostScriptSyntaxTests.Placement) throws {
        let site = try HostDeployTests.Site(definition: HostScriptSyntaxTests.definition(placement),
                                            destinations: ["h1", "h2", "h3", "x"])
        defer { site.remove() }
        let run = try site.run("deploy-hosts.sh")
        #expect(run.succeeded, "deploy-hosts.sh failed: \(run.stdout)\(run.stderr)")
        #expect(site.zonesCreated(on: "x") == ["node4"])
        #expect(run.stdout.contains(" cluster is healthy as seen from x\n"), "\(run.stdout)")
        // x's own certificate was carried to it, and no other node's key.
        let carried = (try? FileManager.default.contentsOfDirectory(atPath: site.host("x") + "/ca")) ?? []
        #expect(carried.contains("node4.key") && !carried.contains("node1.key"), "\(carried)")
    }
}
