import Cluster
import Foundation
import SMF
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `stack: etcd` proves itself on real etcd (issue 14): `smfkit generate`
/// Examples/loopback-etcd.yaml, `smfkit plan` each node, the generated
/// tls/certificates.sh issues and installs the keys, every node runs under
/// its own `smfkit run` (issue 21) and its member is enabled with `smfkit
/// svcadm enable -s`; then a key is written and read with etcdctl, the
/// leader's node halts (its restarter and every process SIGKILLed), writes
/// go on through the other two, and the node, booted again, rejoins. Needs root and Debian's etcd-server and
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
            let leftovers = cluster.leftoverProcesses()
            #expect(leftovers.isEmpty, "processes outlived the teardown: \(leftovers)")
            if passed {
                try? FileManager.default.removeItem(atPath: cluster.scratch)
            } else {
                print("[e2e-etcd] kept \(cluster.scratch) (state/NODE/log/ has every member's log)")
            }
        }
        try body(cluster)
        passed = true
    }

    @Test(.enabled(if: shouldRun, "needs root, Debian's etcd-server and etcd-client (.ci/run installs them); missing: \(missing.joined(separator: ", "))"))
    func threeMembersComeUpAndSurviveTheLossOfOne() throws {
        try Self.withCluster { cluster in
            let healthy = try cluster.bringUp()
            print(String(format: "[e2e-etcd] 3 members healthy %.2f s after the first start", healthy))
            let members = try cluster.members()
            #expect(members.map(\.name).sorted() == ["node1", "node2", "node3"])
            #expect(members.allSatisfy { $0.status == "started" }, "member list: \(members)")

            // A key written and read back with etcdctl, over TLS with the admin certificate.
            #expect(try cluster.put("/smfkit/e2e", "written"))
            #expect(try cluster.get("/smfkit/e2e") == "written")

            // Halt the leader's node, the harder case: the other two elect a
            // new one (etcd.election_timeout: 1 s) and take writes again. (A
            // SIGKILL of etcd alone would be restarted by the restarter at once.)
            var leader: Cluster.Node?
            _ = try cluster.waitUntil("one member is the leader", seconds: 30) {
                leader = try cluster.leader()
                return leader != nil
            }
            let victim = try #require(leader)
            let survivors = cluster.nodes.filter { $0.name != victim.name }
            let etcd = try #require(cluster.etcdPID(on: victim), "no etcd runs on \(victim.name)")
            let killed = Stopwatch()
            try cluster.halt(victim)
            #expect(!NodeRestarter.isAlive(etcd), "etcd on \(victim.name) did not die")
            // A write in flight while the survivors elect may time out; the
            // first acknowledged one says when the cluster took writes again
            // (probes give up after 1 s, so a probe stuck on the dead leader
            // does not hide the election's end).
            let firstWrite = try cluster.waitUntil("the 2 survivors take a write", seconds: 30, poll: 0.05) {
                try cluster.put("/smfkit/while-down/0", "0", through: survivors, commandTimeout: "1s")
            }
            var written = 0
            for index in 1...20 where try cluster.put("/smfkit/while-down/\(index)", "\(index)", through: survivors) {
                written += 1
            }
            print(String(format: "[e2e-etcd] halt of the leader's node %@: first write acknowledged by the 2 survivors %.2f s later; then %d of 20 writes succeeded (%.2f s after the halt)",
                         victim.name, firstWrite, written, killed.seconds))
            #expect(written == 20)
            #expect(!(try cluster.healthy([victim])), "the killed member still answers")

            // The node boots again (its restarter, with the node's profile); the
            // member rejoins and serves (from its own copy) what was written while it was down.
            try cluster.start(victim)
            let rejoined = try cluster.waitUntil("\(victim.name) rejoined with every write", seconds: 60) {
                try cluster.healthy([victim])
                    && cluster.get("/smfkit/while-down/20", from: [victim], serializable: true) == "20"
            }
            print(String(format: "[e2e-etcd] %@ rejoined %.2f s after its boot and svcadm enable -s (healthy, serving the 20 writes made while it was down)",
                         victim.name, rejoined))
            #expect(try cluster.healthy())
            #expect(try cluster.members().allSatisfy { $0.status == "started" })
        }
    }

    /// docs/cluster-definition.md "Growing the etcd cluster", step by step
    /// with regenerated artifacts, while a client writes every 0.1 s.
    @Test(.enabled(if: shouldRun, "needs root, Debian's etcd-server and etcd-client (.ci/run installs them); missing: \(missing.joined(separator: ", "))"))
    func theClusterGrowsFromThreeToFourMembersAndStaysWritable() throws {
        try Self.withCluster { cluster in
            _ = try cluster.bringUp()
            let original = cluster.nodes
            let writer = EtcdWriter(etcdctl: cluster.definition.paths.etcdctl, options: cluster.etcdctlOptions(original))
            writer.start()
            defer { _ = writer.stop() }
            let clock = Stopwatch()

            // 1. node4 in the definition with etcd_state: existing; generate again.
            try cluster.generate(try cluster.writeDefinition(
                extraNodes: [["name": "node4", "address": "127.0.0.44", "etcd_state": "existing"]]))
            try cluster.plan()
            let added = try #require(cluster.nodes.last)
            let entry = try #require(cluster.entries[added.name])
            #expect(entry.exec.contains("ETCD_INITIAL_CLUSTER_STATE=existing"), "node4 runs: \(entry.exec)")
            #expect(entry.exec.contains("node4=127.0.0.44"), "node4's members list the grown cluster: \(entry.exec)")
            // deploy.sh's TLS phase again: node4's certificate issued and installed.
            try cluster.prepareNodes()

            // 2. etcdctl member add, retried while etcd says the cluster is not yet healthy.
            var addOutput = ""
            let addTook = try cluster.waitUntil("etcdctl member add node4 succeeds", seconds: 30, poll: 1) {
                let run = try cluster.etcdctl(["member", "add", added.name, "--peer-urls=https://\(added.address):2380"],
                                              members: original)
                addOutput = run.stdout + run.stderr
                return run.succeeded
            }
            #expect(addOutput.contains("ETCD_INITIAL_CLUSTER_STATE=\"existing\""), "member add said: \(addOutput)")

            // 3. node4's member from its planned start command, on an empty data directory.
            let joinClock = Stopwatch()
            try cluster.start(added)
            _ = try cluster.waitUntil("the 4 members are healthy", seconds: 60) {
                try cluster.healthy() && cluster.members().filter { $0.status == "started" }.count == 4
            }
            let result = writer.stop()
            print(String(format: "[e2e-etcd] grew 3 -> 4: member add after %.2f s of retries, node4 healthy %.2f s after its start, whole procedure %.2f s",
                         addTook, joinClock.seconds, clock.seconds))
            print(String(format: "[e2e-etcd] writer throughout: %d acknowledged, %d refused, longest gap between acknowledged writes %.2f s",
                         result.acknowledged, result.refused, result.longestGap))
            #expect(result.refused == 0)
            #expect(result.acknowledged > 10)
            #expect(try cluster.members().map(\.name).sorted() == ["node1", "node2", "node3", "node4"])
            // The new member serves, from its own copy, what was written before it joined.
            #expect(try cluster.get("/smfkit/writer/1", from: [added], serializable: true) == "1")
        }
    }
}
