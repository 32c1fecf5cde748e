import Cluster
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 20: the failover a client sees, measured. The end-to-end harness
/// in a repeated-measurement mode, run by Scripts/bench-failover:
///
/// - `SMFKIT_FAILOVER_RUNS=N` provokes N failovers of each kind (SIGTERM
///   of patroni, SIGKILL of patroni and postmaster, the whole node stopped),
///   interleaved, with a client writing through a surviving node's haproxy,
///   and reports per run and as median and worst: time to a new leader,
///   until haproxy has only it UP, until the client's first write it
///   acknowledges; writes refused in between; rows lost (must be 0).
/// - `SMFKIT_FAILOVER_SOAK=SECONDS` instead writes steadily for that long
///   and counts leader changes: with sound settings there is none.
/// - `SMFKIT_E2E_SET="patroni.ttl=20 …"` runs either with other settings.
///
/// Without these variables the test is skipped: it takes minutes.
@Suite(.serialized) struct FailoverBenchTests {
    static let environment = ProcessInfo.processInfo.environment
    static let runs = environment["SMFKIT_FAILOVER_RUNS"].flatMap { Int($0) }
    static let soak = environment["SMFKIT_FAILOVER_SOAK"].flatMap { Double($0) }

    struct Measurement {
        var kind: FailoverKind
        var leader: Double
        var haproxy: Double
        var write: Double
        var refused: Int
        /// The refused attempt just before the first write, in seconds
        /// after the signal: where the client's wait after haproxy routes goes.
        var lastRefused: (started: Double, ended: Double, error: String)?
    }

    @Test(.enabled(if: (runs != nil || soak != nil) && E2EPrerequisites.available,
                   "set SMFKIT_FAILOVER_RUNS or SMFKIT_FAILOVER_SOAK (Scripts/bench-failover does)"))
    func failoverAsTheClientSeesIt() throws {
        let cluster = try LoopbackCluster(guardSeconds: 7200)
        var passed = false
        defer {
            cluster.teardown()
            if passed { try? FileManager.default.removeItem(atPath: cluster.scratch) } else { report("kept %@", cluster.scratch) }
        }
        var leader = try cluster.bringUp()
        try cluster.createBenchTable()
        report("settings: ttl %d, loop_wait %d, retry_timeout %d; haproxy %@",
               cluster.definition.patroni.ttl, cluster.definition.patroni.loopWait, cluster.definition.patroni.retryTimeout,
               String(describing: cluster.definition.settings.filter { $0.key.hasPrefix("haproxy.") || $0.key.hasPrefix("etcd.")
                       || $0.key.hasPrefix("patroni.synchronous") }
                   .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }))
        let writer = FailoverWriter(host: client(cluster, avoiding: leader).bind, port: cluster.definition.haproxy.port,
                                    user: cluster.definition.postgres.superuser, environment: cluster.clientEnvironment,
                                    psql: E2EPrerequisites.psql)
        writer.start()
        var measurements: [Measurement] = []
        // When each failover was provoked, to place a lost row.
        var provoked: [(label: String, at: ContinuousClock.Instant)] = []
        if let soak = Self.soak {
            try steadyLoad(cluster, writer, leader: leader, seconds: soak)
        }
        // A soak alone sets no runs: the range is empty, not 1...0 (which traps).
        for round in stride(from: 1, through: Self.runs ?? 0, by: 1) {
            for kind in FailoverKind.allCases {
                provoked.append(("run \(round) \(kind.rawValue) on \(leader.name)", .now))
                let measured = try failOver(cluster, writer, from: leader, kind: kind)
                measurements.append(measured.measurement)
                report("run %d %@: new leader %.1f s, haproxy %.1f s, first write %.1f s, %d writes refused",
                       round, kind.rawValue, measured.measurement.leader, measured.measurement.haproxy,
                       measured.measurement.write, measured.measurement.refused)
                if let last = measured.measurement.lastRefused {
                    report("  the refused attempt before the first write ran from %.2f s to %.2f s: %@", last.started, last.ended,
                           last.error)
                }
                try cluster.restore(kind, on: leader)
                let rejoined = try cluster.waitUntil("\(leader.name) rejoins, a standby synchronous", seconds: 180,
                                                     poll: 0.5, consecutive: 3) {
                    cluster.isStreamingReplica(leader, leader: measured.next) && cluster.hasSynchronousStandby()
                }
                report("  %@ rejoined %.1f s after its restart", leader.name, rejoined)
                leader = measured.next
            }
        }
        writer.stop()
        let attempts = writer.recorded
        let acknowledged = Set(attempts.filter { $0.server != nil }.map(\.id))
        let present = try cluster.benchRows(through: client(cluster, avoiding: leader).bind)
        let lost = acknowledged.subtracting(present)
        report("rows: %d writes, %d acknowledged, %d lost", attempts.count, acknowledged.count, lost.count)
        for attempt in attempts where lost.contains(attempt.id) {
            let before = provoked.last { $0.at < attempt.at }
            report("lost row %d: acknowledged by %@ %.1f s after %@", attempt.id, attempt.server ?? "?",
                   before.map { seconds(since: $0.at, to: attempt.at) } ?? 0, before?.label ?? "the start")
        }
        #expect(lost.isEmpty, "acknowledged rows lost: \(lost.sorted().prefix(20))")
        summarize(measurements)
        // Keep the logs when a row was lost.
        passed = lost.isEmpty
    }

    /// A surviving node whose haproxy the client uses.
    private func client(_ cluster: LoopbackCluster, avoiding leader: Cluster.Node) -> (node: Cluster.Node, bind: String) {
        let node = cluster.proxyNodes.first { $0.name != leader.name } ?? cluster.proxyNodes[0]
        return (node, cluster.haproxyBind[node.name] ?? node.address)
    }

    private func failOver(
        _ cluster: LoopbackCluster, _ writer: FailoverWriter, from old: Cluster.Node, kind: FailoverKind
    ) throws -> (measurement: Measurement, next: Cluster.Node) {
        let client = client(cluster, avoiding: old)
        writer.use(host: client.bind)
        usleep(500_000)
        let start = ContinuousClock.now
        try cluster.provoke(kind, on: old)
        let limit = Deadline(seconds: Double(cluster.definition.patroni.ttl + cluster.definition.patroni.loopWait) + 60,
                             within: cluster.guardDeadline)
        var next: Cluster.Node?
        var leaderAt: Double?
        var haproxyAt: Double?
        var writeAt: Double?
        while leaderAt == nil || haproxyAt == nil || writeAt == nil {
            if limit.hasPassed { throw E2EFailure("\(kind.rawValue) on \(old.name): no complete failover in time") }
            if next == nil, let name = cluster.currentLeader(), name != old.name {
                next = cluster.nodes.first { $0.name == name }
                leaderAt = seconds(since: start)
            }
            if let next, haproxyAt == nil, cluster.haproxyPrimaryUp(on: client.node) == [next.name] {
                haproxyAt = seconds(since: start)
            }
            if let next, writeAt == nil,
               let first = writer.recorded.first(where: { $0.at > start && $0.server == next.address }) {
                writeAt = seconds(since: start, to: first.at)
            }
            usleep(50_000)
        }
        guard let next, let leaderAt, let haproxyAt, let writeAt else { throw E2EFailure("unreachable") }
        let refused = writer.recorded.filter { $0.at > start && seconds(since: start, to: $0.at) <= writeAt && $0.server == nil }
        let lastRefused = refused.last.map {
            (seconds(since: start, to: $0.started), seconds(since: start, to: $0.at), $0.error)
        }
        return (Measurement(kind: kind, leader: leaderAt, haproxy: haproxyAt, write: writeAt, refused: refused.count,
                            lastRefused: lastRefused), next)
    }

    /// Writes for `seconds` and checks that the leader never changes.
    private func steadyLoad(_ cluster: LoopbackCluster, _ writer: FailoverWriter, leader: Cluster.Node, seconds: Double) throws {
        let start = ContinuousClock.now
        var changes: [String] = []
        var last = leader.name
        while self.seconds(since: start) < seconds {
            if let now = cluster.currentLeader(), now != last {
                changes.append(String(format: "%@ → %@ at %.1f s", last, now, self.seconds(since: start)))
                last = now
            }
            usleep(500_000)
        }
        let during = writer.recorded.filter { $0.at > start }
        let refused = during.filter { $0.server == nil }.count
        report("steady load for %.0f s: %d writes, %d refused, leader changes: %d %@",
               seconds, during.count, refused, changes.count, changes.joined(separator: "; "))
        #expect(changes.isEmpty, "false failover under steady load: \(changes)")
        #expect(refused == 0, "\(refused) writes refused under steady load")
    }

    private func summarize(_ measurements: [Measurement]) {
        guard !measurements.isEmpty else { return }
        var table = "| failover | runs | new leader median / worst | haproxy median / worst | first write median / worst | writes refused median / worst |\n"
        table += "|---|---|---|---|---|---|\n"
        for kind in FailoverKind.allCases {
            let runs = measurements.filter { $0.kind == kind }
            guard !runs.isEmpty else { continue }
            func cell(_ values: [Double]) -> String {
                String(format: "%.1f s / %.1f s", median(values), values.max() ?? 0)
            }
            let refused = runs.map { Double($0.refused) }
            table += "| \(kind.rawValue) | \(runs.count) | \(cell(runs.map(\.leader))) | \(cell(runs.map(\.haproxy))) | "
                + "\(cell(runs.map(\.write))) | \(String(format: "%.0f / %.0f", median(refused), refused.max() ?? 0)) |\n"
        }
        print(table)
        if let path = Self.environment["SMFKIT_FAILOVER_REPORT"] {
            try? table.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    private func seconds(since start: ContinuousClock.Instant, to end: ContinuousClock.Instant = .now) -> Double {
        let elapsed = end - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func report(_ format: String, _ arguments: any CVarArg...) {
        print("[bench] " + String(format: format, arguments: arguments))
    }
}
