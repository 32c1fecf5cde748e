import Diagnostics

/// `cluster.etcd.member-count`: every node runs an etcd member. None is an
/// error; an even number is a warning, because etcd's quorum is a majority:
/// 4 members survive one failure, as 3 do, and 2 survive none, as 1 does.
struct EtcdMemberCountCheck: DefinitionCheck {
    let rule = "cluster.etcd.member-count"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let count = loaded.definition.nodes.count
        let location = loaded.sourceMap.location(of: "nodes")
        if count == 0 {
            return [error("the cluster has no nodes; etcd needs at least one member (three to survive a failure)",
                          at: location)]
        }
        if count.isMultiple(of: 2) {
            let tolerated = (count - 1) / 2
            return [warning(
                "\(count) nodes make an etcd cluster of \(count) members, which survives \(tolerated) failure(s) "
                    + "like \(count - 1) would; use an odd number of nodes",
                at: location)]
        }
        return []
    }
}
