import Diagnostics

/// `cluster.node.roles`: each node's `roles` are roles of the stack, each
/// once, and not none; and the cluster has what it cannot run without: a
/// PostgreSQL node, and with stolon a sentinel. No proxy node is a warning:
/// the cluster runs, but clients have nothing that follows the primary.
/// A cluster that uses an existing etcd (`etcd.endpoints`,
/// `etcd.definition`) has no etcd member of its own. (The etcd role's count
/// is `cluster.etcd.member-count`'s.)
struct NodeRoleCheck: DefinitionCheck {
    let rule = "cluster.node.roles"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        let map = loaded.sourceMap
        let stackRoles = definition.stack.roles
        let stackRoleNames = stackRoles.map(\.rawValue).joined(separator: ", ")
        var found: [Diagnostic] = []
        for (index, node) in definition.nodes.enumerated() {
            guard let roles = node.roles else { continue }
            let path = "nodes[\(index)].roles"
            if roles.isEmpty, map.values["\(path)[0]"] == nil {
                found.append(error("node '\(node.name)' lists no roles, so it would run nothing; list some of "
                                   + "\(stackRoleNames), or leave roles out for all of them",
                                   at: map.location(of: path)))
                continue
            }
            // A refused (unknown) item was left out, so positions line up only without one.
            let aligned = map.values["\(path)[\(roles.count)]"] == nil
            func location(_ item: Int) -> SourceLocation {
                aligned ? map.location(of: "\(path)[\(item)]") : map.location(of: path)
            }
            for (item, role) in roles.enumerated() {
                if !stackRoles.contains(role) {
                    found.append(error("role '\(role.rawValue)' is not one of stack: \(definition.stack.rawValue)'s "
                                       + "(\(stackRoleNames)); remove it from node '\(node.name)'",
                                       at: location(item)))
                } else if role == .etcd, definition.externalEtcd != nil {
                    found.append(error("node '\(node.name)' has the etcd role, but the cluster uses an existing etcd "
                                       + "(etcd.\(definition.etcd.definition == nil ? "endpoints" : "definition")); "
                                       + "remove the role: its nodes are clients of that etcd",
                                       at: location(item)))
                } else if roles[..<item].contains(role) {
                    found.append(error("node '\(node.name)' lists the \(role.rawValue) role twice; keep one",
                                       at: location(item)))
                }
            }
        }
        // The etcd stack runs members alone: nothing else to look for.
        guard !definition.nodes.isEmpty, definition.stack.runsPostgres else { return found }
        let nodesLocation = map.location(of: "nodes")
        if definition.nodes(running: .postgres).isEmpty {
            found.append(error("no node has the postgres role, so the cluster has no PostgreSQL; give it to "
                               + "two nodes or more (nodes[].roles)", at: nodesLocation))
        }
        if definition.stack == .stolon, definition.nodes(running: .sentinel).isEmpty {
            found.append(error("no node has the sentinel role, so nothing would choose stolon's primary; give it "
                               + "to two nodes or more (nodes[].roles)", at: nodesLocation))
        }
        if stackRoles.contains(.proxy), definition.nodes(running: .proxy).isEmpty {
            found.append(warning("no node has the proxy role, so clients have no address that follows the "
                                 + "primary; give it to the nodes clients connect to (nodes[].roles)",
                                 at: nodesLocation))
        }
        return found
    }
}
