import Diagnostics

/// `cluster.node.duplicate-name`: two nodes with one name would be one SMF
/// instance and one etcd member.
struct DuplicateNodeNameCheck: DefinitionCheck {
    let rule = "cluster.node.duplicate-name"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        var firstIndex: [String: Int] = [:]
        var found: [Diagnostic] = []
        for (index, node) in loaded.definition.nodes.enumerated() {
            if let first = firstIndex[node.name] {
                let firstAt = loaded.sourceMap.location(of: "nodes[\(first)].name")
                found.append(error(
                    "node name \(display(node.name)) is already used by the node at line \(firstAt.line); node names must be unique",
                    at: loaded.sourceMap.location(of: "nodes[\(index)].name")))
            } else {
                firstIndex[node.name] = index
            }
        }
        return found
    }
}
