import Diagnostics

/// `cluster.placement.host-failure`: with `hosts`, the cluster must outlive
/// the loss of any one host. etcd needs a majority of its members to
/// answer (raft's quorum), so a host holding half of them or more takes
/// etcd down, and every PostgreSQL manager with it; and a host holding
/// every PostgreSQL node leaves nothing to become the primary (with
/// stolon, one holding every sentinel leaves nothing to choose one). Each
/// is an error naming the host. Every node on one host is a warning instead:
/// a test setup, which survives no host failure; so are two hosts reached
/// at one ssh destination (likely one machine). With plain replication
/// (no etcd, failover by the operator), a standby on another host than
/// the primary is enough: losing either host leaves a node to promote or
/// the primary itself. Without `hosts`, the
/// definition says nothing about machines, and this rule says nothing.
struct HostFailureCheck: DefinitionCheck {
    let rule = "cluster.placement.host-failure"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        let map = loaded.sourceMap
        let names = definition.hosts.map(\.name)
        // Placement errors (cluster.node.host) first: until every node is on a listed host, there is no placement.
        guard definition.hasHosts, !definition.nodes.isEmpty,
              definition.nodes.indices.allSatisfy({ map.values["nodes[\($0)].host"] != nil }),
              definition.nodes.allSatisfy({ names.contains($0.host) })
        else { return [] }
        let used = names.filter { name in definition.nodes.contains { $0.host == name } }
        let location = { (name: String) in
            map.location(of: "hosts[\(names.firstIndex(of: name) ?? 0)].name")
        }
        if used.count == 1, let only = used.first {
            // Without etcd, no majority is needed: a standby on a second
            // host is one an operator can promote (failover.sh).
            let advice = definition.stack.runsEtcd
                ? "place the nodes on three hosts or more"
                : "place a standby on another host than the primary, for failover.sh to promote"
            return [warning(
                "every node is on host '\(only)', so the cluster survives no host failure: losing '\(only)' loses "
                    + "all of it; \(advice) (nodes[].host)",
                at: location(only))]
        }
        var found: [Diagnostic] = []
        // Two names for one machine would make every claim below wrong.
        var firstHost: [String: String] = [:]
        for host in definition.hosts where used.contains(host.name) {
            if let other = firstHost[host.ssh], other != host.name {
                found.append(warning(
                    "hosts '\(other)' and '\(host.name)' are both reached at ssh \(host.ssh): if they are one machine, "
                        + "losing it loses both, which the placement checks cannot see; give each host its own machine",
                    at: location(host.name)))
            } else {
                firstHost[host.ssh] = host.name
            }
        }
        let members = definition.etcdMembers
        let postgres = definition.stack.runsPostgres ? definition.nodes(running: .postgres) : []
        let sentinels = definition.nodes(running: .sentinel)
        for name in used {
            let lostMembers = members.filter { $0.host == name }
            let left = members.count - lostMembers.count
            if !members.isEmpty, !lostMembers.isEmpty, left <= members.count / 2 {
                found.append(error(
                    "losing host '\(name)' would leave \(left) of etcd's \(members.count) members "
                        + "(\(Self.list(lostMembers)) \(lostMembers.count == 1 ? "is" : "are") on it), no majority: "
                        + "etcd would stop, and PostgreSQL's failover with it; place the etcd members so that "
                        + "no host holds half of them or more",
                    at: location(name)))
            }
            if definition.stack == .stolon, !sentinels.isEmpty, sentinels.allSatisfy({ $0.host == name }) {
                found.append(error(
                    "losing host '\(name)' would leave no stolon sentinel to choose a new primary "
                        + "(\(Self.list(sentinels)) \(sentinels.count == 1 ? "is" : "are") on it); give the sentinel "
                        + "role to a node on another host",
                    at: location(name)))
            }
            if !postgres.isEmpty, postgres.allSatisfy({ $0.host == name }) {
                found.append(error(
                    "losing host '\(name)' would leave no PostgreSQL node to become the primary "
                        + "(\(Self.list(postgres)) \(postgres.count == 1 ? "is" : "are") on it); give the postgres "
                        + "role to a node on another host",
                    at: location(name)))
            }
        }
        return found
    }

    private static func list(_ nodes: [Node]) -> String {
        nodes.map(\.name).joined(separator: ", ")
    }
}
