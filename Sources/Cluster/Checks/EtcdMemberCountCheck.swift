import Diagnostics

/// `cluster.etcd.member-count`: the nodes with the etcd role (every node,
/// unless `roles` says otherwise) are the etcd cluster. Its quorum is a
/// majority, so an even count survives no more failures than one fewer
/// does; etcd's own guidance is 3, 5 or 7 members. None is an error; 1 or
/// an even number is a warning; more than 7 is an error, because every
/// write waits for a majority of them. A cluster that uses an existing
/// etcd has no members of its own (that etcd's definition is checked as one).
struct EtcdMemberCountCheck: DefinitionCheck {
    let rule = "cluster.etcd.member-count"
    /// etcd's documentation (FAQ, "What is maximum cluster size?") advises
    /// at most seven members.
    static let largest = 7

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        // Plain replication runs no etcd.
        guard definition.stack.runsEtcd else { return [] }
        if definition.externalEtcd != nil, !definition.nodes.isEmpty { return [] }
        let count = definition.etcdMembers.count
        let location = loaded.sourceMap.location(of: "nodes")
        let members = definition.nodes.count == count
            ? (count == 1 ? "1 node makes an etcd cluster of 1 member"
                : "\(count) nodes make an etcd cluster of \(count) members")
            : "\(count) of the \(definition.nodes.count) nodes have the etcd role, making an etcd cluster of \(count) "
                + (count == 1 ? "member" : "members")
        if definition.nodes.isEmpty {
            return [error("the cluster has no nodes; etcd needs at least one member (three to survive a failure)",
                          at: location)]
        }
        if count == 0 {
            return [error("no node has the etcd role; give it to 3, 5 or 7 nodes (nodes[].roles)", at: location)]
        }
        if count > Self.largest {
            return [error(
                "\(members); etcd advises at most \(Self.largest) (every write waits for a majority, so more members "
                    + "make writes slower and add no safety worth it): give the etcd role to 3, 5 or 7 nodes "
                    + "with nodes[].roles, the others are etcd clients",
                at: location)]
        }
        if count == 1 {
            return [warning("\(members), which survives no failure; give the etcd role to 3, 5 or 7 nodes",
                            at: location)]
        }
        if count.isMultiple(of: 2) {
            let tolerated = (count - 1) / 2
            return [warning(
                "\(members), which survives \(tolerated) failure(s) like \(count - 1) would; "
                    + "give the etcd role to an odd number of nodes (3, 5 or 7)",
                at: location)]
        }
        return []
    }
}
