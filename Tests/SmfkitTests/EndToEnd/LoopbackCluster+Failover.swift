import Cluster
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The ways a leader goes away, as the failover benchmark (issue 20)
/// provokes them, and how each is undone afterwards.
enum FailoverKind: String, CaseIterable {
    /// SIGTERM to patroni: what SMF's stop method sends; patroni stops
    /// postgres and deletes the leader key.
    case term = "SIGTERM patroni"
    /// SIGKILL to patroni and the postmaster: a crash; the leader key stays
    /// until its ttl runs out.
    case kill = "SIGKILL patroni+postmaster"
    /// Every daemon of the leader's node SIGKILLed, like a halted zone; kept
    /// down until the new leader is measured (restarted at once, patroni can
    /// find its own key still in etcd and take the lead back).
    case node = "node stop"
}

extension LoopbackCluster {
    /// Brings the cluster up as the end-to-end test does and returns the leader.
    func bringUp() throws -> Cluster.Node {
        try generate(try writeDefinition())
        try plan()
        try prepareNodes()
        try start([.etcd])
        _ = try waitUntil("etcd is healthy on every member", seconds: 60) { try etcdHealthy() }
        try start([.patroni, .haproxy])
        var leader: Cluster.Node?
        _ = try waitUntil("patroni has one leader and every other member streams from it", seconds: 180) {
            leader = readyLeader()
            return leader != nil
        }
        guard let leader else { throw E2EFailure("no leader") }
        _ = try waitUntil("haproxy routes to the leader", seconds: 60) { try haproxyRoutes(to: leader) }
        return leader
    }

    /// Makes `leader` go away the `kind` way.
    func provoke(_ kind: FailoverKind, on leader: Cluster.Node) throws {
        let patroni = try daemon(.patroni, on: leader)
        switch kind {
        case .term:
            patroni.signal(SIGTERM)
        case .kill, .node:
            guard let postmaster = postmasterPID(of: leader) else {
                throw E2EFailure("no running postmaster in \(leader.name)'s data directory")
            }
            patroni.signal(SIGKILL)
            kill(postmaster, SIGKILL)
            guard kind == .node else { return }
            for role in [Role.etcd, .haproxy] { try daemon(role, on: leader).signal(SIGKILL) }
        }
    }

    /// Starts again what `provoke` stopped on `node`, once it has exited.
    func restore(_ kind: FailoverKind, on node: Cluster.Node) throws {
        let roles: [Role] = kind == .node ? [.etcd, .haproxy, .patroni] : [.patroni]
        for role in roles {
            let daemon = try daemon(role, on: node)
            guard daemon.waitForExit(until: Deadline(seconds: 60, within: guardDeadline)) else {
                throw E2EFailure("\(role) on \(node.name) did not exit")
            }
            daemon.signalGroup(SIGKILL)
            try daemon.start()
        }
    }

    /// The servers haproxy on `node` has UP in its primary listener, from
    /// its statistics page's CSV (field 18 is the status).
    func haproxyPrimaryUp(on node: Cluster.Node) -> [String]? {
        guard let bind = haproxyBind[node.name],
              let response = LoopbackHTTP.get(host: bind, port: definition.haproxy.statsPort, path: "/;csv", client: nil,
                                              user: (definition.value(at: "haproxy.stats_user") as? String ?? "", statsPassword))
        else { return nil }
        return String(decoding: response.body, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 17, fields[0] == "primary", fields[1] != "FRONTEND", fields[1] != "BACKEND",
                  fields[17].hasPrefix("UP") else { return nil }
            return String(fields[1])
        }
    }

    func createBenchTable() throws {
        let run = try Command.run(
            E2EPrerequisites.psql,
            ["-X", "-w", "-q", "-h", clientHost, "-p", String(definition.haproxy.port), "-U", definition.postgres.superuser,
             "-d", "postgres", "-c", "create table bench_rows (id integer primary key)"],
            environment: clientEnvironment, timeout: 30)
        guard run.succeeded else { throw E2EFailure("create table bench_rows: \(run.stderr)") }
    }

    /// Every id in bench_rows, read through `host`'s haproxy.
    func benchRows(through host: String) throws -> Set<Int> {
        let run = try Command.run(
            E2EPrerequisites.psql,
            ["-X", "-w", "-q", "-A", "-t", "-h", host, "-p", String(definition.haproxy.port), "-U",
             definition.postgres.superuser, "-d", "postgres", "-c", "select id from bench_rows"],
            environment: clientEnvironment, timeout: 60)
        guard run.succeeded else { throw E2EFailure("reading bench_rows failed: \(run.stderr)") }
        return Set(run.stdout.split(separator: "\n").compactMap { Int($0) })
    }
}
