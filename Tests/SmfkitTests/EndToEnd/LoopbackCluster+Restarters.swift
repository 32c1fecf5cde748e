import Cluster
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The loopback cluster run as SMF runs it (issue 21): one `smfkit run` per
/// node — that node's svc.startd — and deploy.sh's phases as `svcadm
/// enable -s` through each node's control socket.
extension LoopbackCluster {
    /// deploy.sh's phase for `role`: `svcadm enable -s` of the role's
    /// instance on every node that runs it, one node after the other.
    func enable(_ role: Role, seconds: Double = 60) throws {
        for node in nodes {
            guard let entry = try? entry(role, on: node) else { continue }
            try restarter(of: node).enable(entry.fmri, seconds: seconds)
        }
    }

    /// Every instance of every node with its state, as the node's svcs has it.
    func instanceStates() -> [(fmri: String, state: String?)] {
        nodes.flatMap { node in
            (plans[node.name] ?? []).map { entry in (entry.fmri, restarters[node.name]?.state(of: entry.fmri)) }
        }
    }

    /// The process the restarter started for `role` on `node` (the start
    /// method execs the daemon, so it is the daemon).
    func startPID(_ role: Role, on node: Cluster.Node) throws -> pid_t {
        let fmri = try entry(role, on: node).fmri
        guard let pid = try restarter(of: node).startPID(of: fmri) else {
            throw E2EFailure("\(fmri) has no start_pid; see \(try restarter(of: node).logPath(of: fmri))")
        }
        return pid
    }

    /// The instance's log under its restarter, or the log the harness's
    /// own `Daemon` wrote when no restarter runs the node.
    func logPath(of role: Role, on node: Cluster.Node) throws -> String {
        if let restarter = restarters[node.name] { return restarter.logPath(of: try entry(role, on: node).fmri) }
        return try daemon(role, on: node).logPath
    }

    /// The node's zone halts: its restarter and every contract it made are
    /// SIGKILLed, no stop method runs. patroni starts the postmaster in a
    /// session of its own (postmaster.py `pg_ctl_start`: `os.setsid()`),
    /// outside any process group the restarter tracks — on illumos the
    /// contract would still hold it — so that session dies too.
    func halt(_ node: Cluster.Node) throws {
        let postmasterSession = postmasterPID(of: node).map { getsid($0) }
        try restarter(of: node).halt()
        if let postmasterSession { NodeRestarter.killSession(postmasterSession) }
    }

    /// The halted zone boots: a new restarter on the same state directory,
    /// with the node's profile (what deploy.sh enabled persists in the
    /// zone's repository), and every instance waited online as `svcadm
    /// enable -s` would.
    func boot(_ node: Cluster.Node) throws {
        let restarter = try restarter(of: node)
        try restarter.boot(withProfile: true, within: guardDeadline)
        for entry in plans[node.name] ?? [] {
            try restarter.enable(entry.fmri, seconds: 60)
        }
    }

    /// What outlived the teardown: any restarter, any process of a
    /// restarter's session, any postmaster of the cluster's data directories.
    func leftoverProcesses() -> [pid_t] {
        restarters.values.flatMap(\.leftovers) + nodes.compactMap { postmasterPID(of: $0) }
    }

    /// Teardown under restarters, in the order hapg-linux.md §4.5 found
    /// clean: haproxy disabled, patroni replicas, the patroni leader, etcd;
    /// then each restarter's own shutdown, and whatever is left halted.
    func stopRestarters() {
        guard !restarters.isEmpty else { return }
        func disable(_ role: Role, on node: Cluster.Node, seconds: Double) {
            guard let restarter = restarters[node.name], let fmri = try? entry(role, on: node).fmri else { return }
            try? restarter.disable(fmri, waitSeconds: seconds)
        }
        for node in nodes { disable(.haproxy, on: node, seconds: 10) }
        let leaderName = currentLeader()
        for node in nodes.filter({ $0.name != leaderName }) + nodes.filter({ $0.name == leaderName }) {
            disable(.patroni, on: node, seconds: 60)
        }
        for node in nodes { disable(.etcd, on: node, seconds: 15) }
        for restarter in restarters.values { restarter.shutdown(seconds: 10) }
    }
}
