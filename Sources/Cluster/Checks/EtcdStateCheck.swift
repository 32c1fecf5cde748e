import Diagnostics

/// `cluster.etcd.state`: etcd takes `--initial-cluster-state new` or
/// `existing` and refuses to start with anything else; and a cluster none of
/// whose members is `new` has nobody to bootstrap it (every `existing`
/// member waits for a running cluster that never comes).
struct EtcdStateCheck: DefinitionCheck {
    let rule = "cluster.etcd.state"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let nodes = loaded.definition.nodes
        var found: [Diagnostic] = []
        for (index, node) in nodes.enumerated() where node.etcdState != "new" && node.etcdState != "existing" {
            found.append(error("etcd_state '\(node.etcdState)' of node '\(node.name)' is neither 'new' (a member of the "
                               + "first bootstrap) nor 'existing' (a member added to the running cluster)",
                               at: loaded.sourceMap.location(of: "nodes[\(index)].etcd_state")))
        }
        if !nodes.isEmpty, found.isEmpty, nodes.allSatisfy(\.joinsEtcd) {
            found.append(error("every node has etcd_state: existing, so no member bootstraps the etcd cluster; "
                               + "leave etcd_state out (new) on the members of the first bootstrap",
                               at: loaded.sourceMap.location(of: "nodes[0].etcd_state")))
        }
        return found
    }
}
