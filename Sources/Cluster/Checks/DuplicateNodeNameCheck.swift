import Diagnostics

/// `cluster.node.duplicate-name`: two nodes with one name would be one SMF
/// instance and one etcd member.
struct DuplicateNodeNameCheck: DefinitionCheck {
    let rule = "cluster.node.duplicate-name"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        var firstIndex: [String: Int] = [:]
        var found: [Diagnostic] = []
        for (index, node) in loaded.definition.nodes.enumerated() {
            // A missing name is reported by the loader; nothing to check.
            guard loaded.sourceMap.values["nodes[\(index)].name"] != nil else { continue }
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
