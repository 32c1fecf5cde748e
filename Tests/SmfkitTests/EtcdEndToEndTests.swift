import Cluster
import Foundation
import SMF
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `stack: etcd` proves itself on real etcd (issue 14): `smfkit generate`
/// Examples/loopback-etcd.yaml, `smfkit plan` each node, the generated
/// tls/certificates.sh issues and installs the keys, every member starts as
/// svc.startd would start it; then a key is written and read with etcdctl,
/// one member is SIGKILLed, writes go on through the other two, and the
/// member, started again, rejoins. Needs root and Debian's etcd-server and
/// etcd-client; without them it is skipped, except under `.ci/run`
/// (CI=true), where their absence fails it. Run alone with
/// `swift test --filter EtcdEndToEnd`.
@Suite(.serialized) struct EtcdEndToEndTests {
    static let missing: [String] = {
        var missing: [String] = []
        if geteuid() != 0 { missing.append("root privileges (etcd runs as its own user)") }
        guard let definition = try? DefinitionLoader.load(path: EtcdLoopbackCluster.example).loaded?.definition else {
            return missing + ["a loadable \(EtcdLoopbackCluster.example)"]
        }
        for executable in [definition.paths.etcd, definition.paths.etcdctl, E2EPrerequisites.setpriv,
                           E2EPrerequisites.openssl]
        where !FileManager.default.isExecutableFile(atPath: executable) {
            missing.append(executable)
        }
        if Accounts.user(definition.users.etcd.name) == nil { missing.append("user \(definition.users.etcd.name)") }
        return missing
    }()

    static var shouldRun: Bool { missing.isEmpty || E2EPrerequisites.isCI }

    /// Runs `body` against a fresh loopback etcd cluster, torn down after;
    /// the scratch directory is kept when `body` threw.
    static func withCluster(_ body: (EtcdLoopbackCluster) throws -> Void) throws {
        guard missing.isEmpty else {
            Issue.record("CI=true but the etcd end-to-end test cannot run; missing: \(missing.joined(separator: ", "))")
            return
        }
        let cluster = try EtcdLoopbackCluster(guardSeconds: 300)
        var passed = false
        defer {
            cluster.teardown()
            if passed {
                try? FileManager.default.removeItem(atPath: cluster.scratch)
            } else {
                print("[e2e-etcd] kept \(cluster.scratch) (logs/ has every member's output)")
            }
        }
        try body(cluster)
        passed = true
    }

    /// generate → plan → TLS → every member started; returns the seconds
    /// from the first start until every member answers `endpoint health`.
    static func bringUp(_ cluster: EtcdLoopbackCluster) throws -> Double {
        try cluster.generate(try cluster.writeDefinition())
        try cluster.plan()
        try cluster.prepareNodes()
        let clock = Stopwatch()
        for node in cluster.nodes { try cluster.start(node) }
        _ = try cluster.waitUntil("every etcd member is healthy", seconds: 60) { try cluster.healthy() }
        return clock.seconds
    }

    @Test(.enabled(if: shouldRun, "needs root, Debian's etcd-server and etcd-client (.ci/run installs them); missing: \(missing.joined(separator: ", "))"))
    func threeMembersComeUpAndSurviveTheLossOfOne() throws {
        try Self.withCluster { cluster in
            let healthy = try Self.bringUp(cluster)
            print(String(format: "[e2e-etcd] 3 members healthy %.2f s after the first start", healthy))
            let members = try cluster.members()
            #expect(members.map(\.name).sorted() == ["node1", "node2", "node3"])
            #expect(members.allSatisfy { $0.status == "started" }, "member list: \(members)")

            // A key written and read back with etcdctl, over TLS with the admin certificate.
            #expect(try cluster.put("/smfkit/e2e", "written"))
            #expect(try cluster.get("/smfkit/e2e") == "written")

            // SIGKILL one member: the other two keep a quorum and take writes.
            let victim = cluster.nodes[2]
            let survivors = Array(cluster.nodes.prefix(2))
            let daemon = try cluster.daemon(on: victim)
            daemon.signal(SIGKILL)
            #expect(daemon.waitForExit(until: Deadline(seconds: 10)), "etcd on \(victim.name) did not die")
            let killed = Stopwatch()
            var written = 0
            for index in 1...20 where try cluster.put("/smfkit/while-down/\(index)", "\(index)", through: survivors) {
                written += 1
            }
            print(String(format: "[e2e-etcd] %d of 20 writes through the 2 survivors succeeded in %.2f s after the SIGKILL",
                         written, killed.seconds))
            #expect(written == 20)
            #expect(!(try cluster.healthy([victim])), "the killed member still answers")

            // The member, started again with the same planned command, rejoins
            // and serves (from its own copy) what was written while it was down.
            try cluster.start(victim)
            let rejoined = try cluster.waitUntil("\(victim.name) rejoined with every write", seconds: 60) {
                try cluster.healthy([victim])
                    && cluster.get("/smfkit/while-down/20", from: [victim], serializable: true) == "20"
            }
            print(String(format: "[e2e-etcd] %@ rejoined %.2f s after its restart (healthy, serving the 20 writes made while it was down)",
                         victim.name, rejoined))
            #expect(try cluster.healthy())
            #expect(try cluster.members().allSatisfy { $0.status == "started" })
        }
    }
}
