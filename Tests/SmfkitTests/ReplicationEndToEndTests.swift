import Cluster
import Foundation
import SMF
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `stack: replication` proves itself on real PostgreSQL (issue 14):
/// `smfkit generate` Examples/loopback-replication.yaml with synchronous
/// replication on, `smfkit plan` each node, the generated
/// tls/certificates.sh issues and installs the keys, and every node runs
/// under its own `smfkit run` (issue 21), its postgres enabled in deploy.sh's
/// order with `smfkit svcadm enable -s`: the primary initialises, then the
/// two standbys clone it and stream. 1,000 rows written on the primary are
/// read on both standbys; then, while a client commits one row at a time,
/// the primary's node halts (its restarter and every process SIGKILLed), a
/// standby is promoted and the other repointed by the steps of
/// docs/cluster-definition.md ("Streaming replication": replication.primary
/// changed and generated again into the same output, standing for
/// failover.sh's `svccfg setprop`, then `smfkit svcadm refresh` of the new
/// primary and of the other standby, whose restarters re-read the manifests
/// and run the refresh method), and no acknowledged row is missing. The old
/// primary's node, booted again with its profile, refuses to be a second
/// primary, and rejoins once its data is moved aside and the instance
/// cleared. Needs root and Debian's PostgreSQL; without
/// them it is skipped, except under `.ci/run` (CI=true), where their absence
/// fails it. Run alone with `swift test --filter Replication`.
@Suite(.serialized) struct ReplicationEndToEndTests {
    static let missing: [String] = {
        var missing: [String] = []
        if geteuid() != 0 { missing.append("root privileges (PostgreSQL runs as its own user)") }
        guard let definition = try? DefinitionLoader.load(path: ReplicationLoopbackCluster.example).loaded?.definition else {
            return missing + ["a loadable \(ReplicationLoopbackCluster.example)"]
        }
        let bin = definition.paths.postgresBin
        for executable in [bin + "/postgres", bin + "/initdb", bin + "/pg_basebackup", bin + "/pg_ctl",
                           E2EPrerequisites.psql, E2EPrerequisites.setpriv, E2EPrerequisites.openssl]
        where !FileManager.default.isExecutableFile(atPath: executable) {
            missing.append(executable)
        }
        if Accounts.user(definition.users.postgres.name) == nil { missing.append("user \(definition.users.postgres.name)") }
        return missing
    }()

    static var shouldRun: Bool { missing.isEmpty || E2EPrerequisites.isCI }

    /// A cluster for `body`, with what every test here does around it: the
    /// missing tools recorded under CI=true, the teardown, no process left
    /// behind, and the scratch directory kept for its logs when `body`
    /// threw. Every wait in `body` is bounded; `guardSeconds` bounds them all.
    static func withCluster(guardSeconds: Double, _ body: (ReplicationLoopbackCluster) throws -> Void) throws {
        guard missing.isEmpty else {
            Issue.record("CI=true but the replication end-to-end test cannot run; missing: \(missing.joined(separator: ", "))")
            return
        }
        let cluster = try ReplicationLoopbackCluster(guardSeconds: guardSeconds)
        var passed = false
        defer {
            cluster.teardown()
            let leftovers = cluster.leftoverProcesses()
            #expect(leftovers.isEmpty, "processes outlived the teardown: \(leftovers)")
            if passed {
                try? FileManager.default.removeItem(atPath: cluster.scratch)
            } else {
                print("[e2e-replication] kept \(cluster.scratch) (state/NODE/log/ has every node's logs)")
            }
        }
        try body(cluster)
        passed = true
    }

    @Test(.enabled(if: shouldRun, "needs root and Debian's PostgreSQL 15 (.ci/run installs it); missing: \(missing.joined(separator: ", "))"))
    func aStandbyIsPromotedAndTheOtherFollowsItWithNoAcknowledgedRowLost() throws {
        try Self.withCluster(guardSeconds: 110) { cluster in
            try Self.run(cluster)
        }
    }

    static func run(_ cluster: ReplicationLoopbackCluster) throws {
        let whole = Stopwatch()
        try cluster.generate(try cluster.writeDefinition(primary: "node1", synchronous: true))
        try cluster.plan()
        try cluster.prepareNodes()
        let (node1, node2, node3) = (try cluster.node("node1"), try cluster.node("node2"), try cluster.node("node3"))
        // The zones boot with the manifest imported and nothing enabled.
        try cluster.bootRestarters()

        // Bring-up in deploy.sh's order: the primary enabled and online
        // (`svcadm enable -s`: a child service is online once its start
        // method runs) and taking connections, then both standbys.
        let upClock = Stopwatch()
        try cluster.enable(node1)
        _ = try cluster.waitUntil("node1 takes connections as the primary", seconds: 30, poll: 0.1) {
            try cluster.query(node1, "select pg_is_in_recovery()") == "f"
        }
        let primaryUp = upClock.seconds
        try cluster.enable(node2)
        try cluster.enable(node3)
        #expect(try [node1, node2, node3].map { try cluster.state(of: $0) } == ["online", "online", "online"])
        let standbysUp = try cluster.waitUntil("node2 and node3 stream from node1", seconds: 30, poll: 0.1) {
            try cluster.streamingStandbys(of: node1) == ["node2", "node3"]
        }
        print(String(format: "[e2e-replication] primary takes connections %.2f s after its svcadm enable -s (initdb and the replication role included); both standbys streaming %.2f s after theirs returned (pg_basebackup included), %.2f s after the primary's",
                     primaryUp, standbysUp, upClock.seconds))
        // Synchronous replication is on: ANY 1 of the standbys (a walsender
        // reports its sync_state a moment after it streams).
        _ = try cluster.waitUntil("both standbys are quorum standbys", seconds: 30) {
            try cluster.query(node1, "select string_agg(sync_state, ',' order by application_name) from pg_stat_replication")
                == "quorum,quorum"
        }
        // -R with a passfile writes no password anywhere in the data directory.
        for node in [node2, node3] {
            let auto = try String(contentsOfFile: "\(cluster.definition.paths.postgresData)/\(node.name)/data/postgresql.auto.conf",
                                  encoding: .utf8)
            #expect(!auto.contains("password"), "\(node.name)'s postgresql.auto.conf: \(auto)")
            #expect(try cluster.query(node, "select pg_is_in_recovery()") == "t")
        }
        // The standbys stream over TLS.
        #expect(try cluster.query(node1, "select bool_and(s.ssl) from pg_stat_replication r join pg_stat_ssl s using (pid)") == "t")

        // pg_hba admits replication over TLS only: a plain-text replication connection is refused.
        let plain = try Command.run(
            E2EPrerequisites.psql,
            ["-X", "-w", "-c", "IDENTIFY_SYSTEM",
             "host=\(node1.address) port=\(cluster.definition.postgres.port) user=\(cluster.definition.postgres.replicationUser) "
                + "dbname=replication replication=true sslmode=disable"],
            environment: ["PGCONNECT_TIMEOUT": "2"], timeout: 10)
        #expect(!plain.succeeded && plain.stderr.contains("no encryption"), "plain-text replication: \(plain.stderr)")

        // deploy.sh's own health check says so too.
        let health = try DeployHealthCheck.run(generated: cluster.path("out"), scratch: cluster.scratch)
        #expect(health.succeeded, "deploy.sh's health check: \(health.stdout)\(health.stderr)")
        #expect(health.stdout.contains("node2 streaming quorum") && health.stdout.contains("node3 streaming quorum"),
                "show_cluster printed: \(health.stdout)")

        // 1,000 rows written on the primary are read on both standbys.
        let rows = "create table e2e_rows (id integer primary key, note text not null);\n"
            + "insert into e2e_rows select g, 'row ' || g from generate_series(1, 1000) g;\n"
        let write = try cluster.psql(node1, ["-f", "-"], input: rows, timeout: 30)
        guard write.succeeded else { throw E2EFailure("writing 1,000 rows on node1 failed: \(write.stderr)") }
        let replayed = try cluster.waitUntil("both standbys serve the 1,000 rows", seconds: 30) {
            try cluster.query(node2, "select count(*) from e2e_rows") == "1000"
                && cluster.query(node3, "select count(*) from e2e_rows") == "1000"
        }
        print(String(format: "[e2e-replication] 1,000 rows written on node1 read on node2 and node3 %.3f s later", replayed))
        #expect(try cluster.psql(node2, ["-c", "insert into e2e_rows values (0, 'on a standby')"]).stderr
                    .contains("read-only transaction"))

        // A client commits one row at a time on the primary, a connection
        // each; the primary's node halts under it.
        // (The writer of the new primary below uses the same statement on
        // after_failover.bench_rows, through its search_path.)
        #expect(try cluster.query(node1, "create table bench_rows (id integer primary key); create schema after_failover; "
                                    + "create table after_failover.bench_rows (id integer primary key)") != nil)
        let writer = FailoverWriter(host: node1.address, port: cluster.definition.postgres.port,
                                    user: cluster.definition.postgres.superuser, environment: cluster.clientEnvironment,
                                    psql: E2EPrerequisites.psql)
        writer.start()
        defer { writer.stop() }
        _ = try cluster.waitUntil("the client has 30 acknowledged rows", seconds: 30) {
            writer.recorded.filter { $0.server != nil }.count >= 30
        }
        // The crash is a halt of the node: a SIGKILL of the postmaster alone
        // would be restarted by the restarter, as svc.startd restarts a child
        // service whose process exits.
        let postmaster = try cluster.postmasterPID(of: node1)
        let killed = Stopwatch()
        try cluster.halt(node1)
        #expect(!NodeRestarter.isAlive(postmaster), "node1's postmaster did not die")
        writer.stop()
        let acknowledged = Set(writer.recorded.filter { $0.server != nil }.map(\.id))
        print("[e2e-replication] halt of node1 (its restarter, postmaster and every backend SIGKILLed); the client had \(acknowledged.count) rows acknowledged (the last id \(acknowledged.max() ?? 0))")

        // Promote the most advanced standby (docs: failover.sh positions).
        let lsn2 = try cluster.query(node2, "select pg_last_wal_receive_lsn()") ?? ""
        let lsn3 = try cluster.query(node3, "select pg_last_wal_receive_lsn()") ?? ""
        let ahead = try cluster.query(node2, "select pg_lsn '\(lsn2)' >= pg_lsn '\(lsn3)'") == "t"
        let (promoted, follower) = ahead ? (node2, node3) : (node3, node2)
        print("[e2e-replication] received WAL: node2 \(lsn2), node3 \(lsn3): promoting \(promoted.name)")

        // The documented steps: replication.primary names the new primary,
        // generate again into the same output (what failover.sh's svccfg
        // setprop does to the instances' properties), then `svcadm refresh`
        // on the new primary: its restarter re-reads the manifests and runs
        // the refresh method, which promotes it ...
        try cluster.generate(try cluster.writeDefinition(primary: promoted.name, synchronous: true))
        try cluster.plan()
        // Every node's properties now name the new primary.
        for node in [node1, node2, node3] {
            let exec = cluster.entries[node.name]?.exec ?? ""
            #expect(exec.contains("PGHA_PRIMARY=\(promoted.name) PGHA_PRIMARY_ADDRESS=\(promoted.address) "),
                    "\(node.name) runs: \(exec)")
        }
        let promoteClock = Stopwatch()
        let promotion = try cluster.refresh(promoted)
        #expect(promotion.status == 0, "the refresh method of \(promoted.name) said: \(promotion.output)")
        let promoteTook = promoteClock.seconds
        let promoteAt = killed.seconds
        #expect(promotion.output.contains("server promoted"), "refresh of \(promoted.name): \(promotion.output)")
        #expect(try cluster.query(promoted, "select pg_is_in_recovery()") == "f")
        // The refresh took the regenerated properties, and the instance stayed online.
        let promotedRestarter = try cluster.restarter(of: promoted)
        #expect(promotedRestarter.property("config/primary", of: try cluster.fmri(of: promoted)) == promoted.name)
        #expect(try cluster.state(of: promoted) == "online")

        // ... and a write on it. With synchronous replication it waits for a
        // standby, so the client starts now and is answered once the other follows.
        let firstWrite = FailoverWriter(host: promoted.address, port: cluster.definition.postgres.port,
                                        user: cluster.definition.postgres.superuser,
                                        environment: cluster.clientEnvironment.merging(
                                            ["PGOPTIONS": "-c search_path=after_failover"]) { _, new in new },
                                        psql: E2EPrerequisites.psql)
        firstWrite.start()
        defer { firstWrite.stop() }

        // Then `svcadm refresh` on the other standby: its restarter re-reads
        // the manifests, and the refresh method writes primary_conninfo for
        // the new primary and reloads it.
        let repointClock = Stopwatch()
        let repoint = try cluster.refresh(follower)
        #expect(repoint.status == 0, "the refresh method of \(follower.name) said: \(repoint.output)")
        let follows = try cluster.waitUntil("\(follower.name) streams from \(promoted.name)", seconds: 30) {
            try cluster.streamingStandbys(of: promoted) == [follower.name]
        }
        #expect(try cluster.restarter(of: follower).property("config/primary_address", of: try cluster.fmri(of: follower))
                    == promoted.address)
        let repointTook = repointClock.seconds
        _ = try cluster.waitUntil("a write on \(promoted.name) is acknowledged", seconds: 30) {
            firstWrite.recorded.contains { $0.server != nil }
        }
        firstWrite.stop()
        let firstAcknowledged = try #require(firstWrite.recorded.first { $0.server != nil })
        let firstWriteSeconds = Self.seconds(firstAcknowledged.at - promoteClock.start)
        print(String(format: "[e2e-replication] %@ promoted by svcadm refresh (its refresh method's pg_ctl promote -w) in %.2f s, %.2f s after the halt",
                     promoted.name, promoteTook, promoteAt))
        print(String(format: "[e2e-replication] %@ repointed: streaming from %@ %.2f s after its svcadm refresh (%.2f s after the refresh method returned)",
                     follower.name, promoted.name, repointTook, follows))
        print(String(format: "[e2e-replication] first write on %@ acknowledged %.2f s after its promotion began (%d attempts refused or timed out before)",
                     promoted.name, firstWriteSeconds, firstWrite.recorded.prefix { $0.server == nil }.count))

        // Writes go on, and every row the old primary acknowledged is on the new one.
        let more = try cluster.psql(promoted, ["-c", "insert into e2e_rows select g, 'after' from generate_series(200001, 200100) g"])
        #expect(more.succeeded, "writes on \(promoted.name): \(more.stderr)")
        let present = Set((try cluster.query(promoted, "select id from bench_rows") ?? "")
            .split(separator: "\n").compactMap { Int($0) })
        let lost = acknowledged.subtracting(present)
        print("[e2e-replication] rows acknowledged by node1 before its halt: \(acknowledged.count), lost: \(lost.count)")
        #expect(lost.isEmpty, "acknowledged rows missing on \(promoted.name): \(lost.sorted())")
        // The follower is on the new timeline and has every row, the new ones included.
        _ = try cluster.waitUntil("\(follower.name) has the writes made on \(promoted.name)", seconds: 30) {
            try cluster.query(follower, "select count(*) from e2e_rows where id > 200000") == "100"
        }
        #expect(try cluster.query(follower, "select received_tli from pg_stat_wal_receiver") == "2")

        // The old primary's node boots again with its profile, which enables
        // postgres; the manifests it reads are the regenerated ones. Its
        // start method refuses to run a second primary (SMF_EXIT_ERR_CONFIG),
        // and svc.startd puts the instance into maintenance ...
        try cluster.boot(node1)
        _ = try cluster.waitUntil("node1's postgres is in maintenance", seconds: 30, poll: 0.1) {
            try cluster.state(of: node1) == "maintenance"
        }
        let refusal = (try? String(contentsOfFile: try cluster.logPath(of: node1), encoding: .utf8)) ?? ""
        #expect(cluster.frameworkLog(of: node1).contains("\(try cluster.fmri(of: node1)) exited with status 96"),
                "node1's start method: \(refusal)")
        #expect(refusal.contains("would make a second primary"), "node1's start method said: \(refusal)")
        let explanation = try cluster.restarter(of: node1).svcs(["-x", try cluster.fmri(of: node1)]).stdout
        #expect(explanation.contains("$SMF_EXIT_ERR_CONFIG"), "svcs -x: \(explanation)")
        // ... and, its data directory moved aside and the instance cleared
        // as the docs say, clones the new primary and follows it.
        let data = "\(cluster.definition.paths.postgresData)/node1/data"
        #expect(rename(data, data + ".diverged") == 0)
        try cluster.clear(node1)
        let rejoined = try cluster.waitUntil("node1 streams from \(promoted.name)", seconds: 30, poll: 0.1) {
            try cluster.streamingStandbys(of: promoted) == ["node1", follower.name]
        }
        #expect(try cluster.state(of: node1) == "online")
        #expect(try cluster.query(node1, "select count(*) from bench_rows") == String(present.count))
        print(String(format: "[e2e-replication] node1, booted again, refused to be a second primary (maintenance); its data moved aside, svcadm clear: it cloned %@ and streamed %.2f s after the clear",
                     promoted.name, rejoined))
        print(String(format: "[e2e-replication] whole run %.1f s", whole.seconds))
    }

    /// The default, asynchronous replication: the standbys stream as
    /// `async`, and read what the primary wrote.
    @Test(.enabled(if: shouldRun, "needs root and Debian's PostgreSQL 15 (.ci/run installs it); missing: \(missing.joined(separator: ", "))"))
    func theAsynchronousDefaultStreamsToBothStandbys() throws {
        try Self.withCluster(guardSeconds: 60) { cluster in
            try cluster.generate(try cluster.writeDefinition(primary: "node1", synchronous: false))
            try cluster.plan()
            try cluster.prepareNodes()
            let nodes = try ["node1", "node2", "node3"].map(cluster.node)
            try cluster.bootRestarters()
            // Enabled together (`svcadm enable` without -s on each): the
            // standbys' start methods retry until the primary answers.
            for node in nodes { try cluster.enable(node, waiting: false) }
            let up = try cluster.waitUntil("node2 and node3 stream from node1", seconds: 30, poll: 0.1) {
                try cluster.streamingStandbys(of: nodes[0]) == ["node2", "node3"]
            }
            #expect(try cluster.query(nodes[0], "select string_agg(sync_state, ',' order by application_name) from pg_stat_replication")
                        == "async,async")
            let write = try cluster.psql(nodes[0], ["-c", "create table t as select g from generate_series(1, 1000) g"])
            #expect(write.succeeded, "\(write.stderr)")
            let replayed = try cluster.waitUntil("both standbys have the rows", seconds: 30) {
                try cluster.query(nodes[1], "select count(*) from t") == "1000" && cluster.query(nodes[2], "select count(*) from t") == "1000"
            }
            print(String(format: "[e2e-replication] asynchronous (the default): 3 nodes enabled at once, both standbys streaming %.2f s later; 1,000 rows on both %.3f s after the commit",
                         up, replayed))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
