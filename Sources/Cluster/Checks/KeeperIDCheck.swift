import Diagnostics

/// `cluster.stolon.keeper-id`: stolon's keeper `--uid` "must be unique in the
/// cluster and can contain only lower-case letters, numbers and the
/// underscore character" (stolon cmd/keeper). Checked for the stolon stack only.
struct KeeperIDCheck: DefinitionCheck {
    let rule = "cluster.stolon.keeper-id"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        guard loaded.definition.stack == .stolon else { return [] }
        var firstIndex: [String: Int] = [:]
        var found: [Diagnostic] = []
        for (index, node) in loaded.definition.nodes.enumerated() {
            let path = "nodes[\(index)].keeper_id"
            let id = node.keeperID
            if UnsafeCharacters.first(in: id) != nil { continue }
            let bad = id.unicodeScalars.enumerated().first { _, scalar in
                !(("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_")
            }
            if id.isEmpty {
                found.append(error("keeper id is empty; stolon needs one per node, like 'postgres0'",
                                   at: loaded.sourceMap.location(of: path)))
            } else if let (offset, scalar) = bad {
                found.append(error(
                    "keeper id '\(id)' contains \(characterName(scalar)); stolon allows only lower-case letters, "
                        + "digits and '_'",
                    at: loaded.sourceMap.location(of: path, characterOffset: offset)))
            } else if let first = firstIndex[id] {
                found.append(error(
                    "keeper id '\(id)' is already the keeper id of node '\(loaded.definition.nodes[first].name)'; "
                        + "stolon needs each keeper's id to be unique",
                    at: loaded.sourceMap.location(of: path)))
            } else {
                firstIndex[id] = index
            }
        }
        return found
    }
}
