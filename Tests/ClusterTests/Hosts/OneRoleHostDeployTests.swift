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
        // x's own key was carried to it where a daemon of its zone presents
        // it — not for patroni's haproxy alone, which presents haproxy's —
        // and no other node's key.
        let carried = (try? FileManager.default.contentsOfDirectory(atPath: site.host("x") + "/ca")) ?? []
        let haproxyAlone = placement.example == "patroni" && placement.role == "proxy"
        #expect(carried.contains("node4.key") == !haproxyAlone && !carried.contains("node1.key"), "\(carried)")
        #expect(carried.contains("haproxy.pem") == haproxyAlone, "\(carried)")
    }
}

/// Growing an etcd cluster placed on hosts, with TLS: once authentication
/// is on only etcd's root may add a member, and root's certificate stays on
/// the first host, so h1 announces node4 (on host x) as root with its own
/// etcdctl, and x waits until etcd lists node4 before starting it.
@Suite struct HostEtcdGrowthTests {
    @Test func theFirstHostAnnouncesEveryHostsNewMemberAsRoot() throws {
        var text = try HostScriptSyntaxTests.definition(.init(example: "etcd", role: "etcd", tls: true))
        text = text.replacingOccurrences(of: "    roles: [etcd]\n", with: "    roles: [etcd]\n    etcd_state: existing\n")
        let site = try HostDeployTests.Site(definition: text, destinations: ["h1", "h2", "h3", "x"])
        defer { site.remove() }
        let run = try site.run("deploy-hosts.sh")
        #expect(run.succeeded, "deploy-hosts.sh failed: \(run.stdout)\(run.stderr)")
        let add = "member add node4 --peer-urls=https://192.168.0.234:2380"
        // As root, by the first host's own etcdctl: not from a zone, not from x.
        #expect(site.lines(site.host("h1") + "/calls").contains { $0.hasPrefix("etcdctl ") && $0.contains(add) })
        #expect(!site.lines(site.host("h1") + "/calls").contains { $0.hasPrefix("zlogin ") && $0.contains("member add") })
        #expect(!site.lines(site.host("x") + "/calls").contains { $0.contains("member add") })
        #expect(run.stdout.contains("x: deploy: waiting until h1 has announced this host's new etcd members"))
        #expect(site.lines(site.host("x") + "/calls").contains { $0.contains("svcadm enable svc:/network/pgha/etcd:node4") })
        // root's certificate never left h1.
        #expect(site.file(site.host("h1") + "/ca/root.key") != nil)
        for host in ["h2", "h3", "x"] { #expect(site.file(site.host(host) + "/ca/root.key") == nil, "\(host)") }
    }
}
