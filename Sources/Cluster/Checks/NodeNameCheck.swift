import Diagnostics

/// `cluster.node.name`: a node's name is the SMF instance name of every
/// service on that node, so it follows illumos' `uu_check_name` for an
/// identifier (smf.md §3.1): an ASCII letter, then letters, digits, `_` and
/// `-`, at most 119 bytes. The `provider,name` form is not allowed: the name
/// is also an etcd member name inside a comma-separated list.
struct NodeNameCheck: DefinitionCheck {
    let rule = "cluster.node.name"
    static let maxBytes = 119

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, node) in loaded.definition.nodes.enumerated() {
            // A missing name is reported by the loader; nothing to check.
            guard loaded.sourceMap.values["nodes[\(index)].name"] != nil else { continue }
            let path = "nodes[\(index)].name"
            let name = node.name
            // Reported by cluster.value.unsafe-character already.
            if UnsafeCharacters.first(in: name) != nil { continue }
            let map = loaded.sourceMap
            if name.isEmpty {
                found.append(error("node name is empty; name it like 'node1'", at: map.location(of: path)))
                continue
            }
            for (offset, scalar) in name.unicodeScalars.enumerated() {
                let isLetter = scalar.isASCII && scalar.properties.isAlphabetic
                let isDigit = scalar.isASCII && scalar.properties.numericType != nil
                if offset == 0, !isLetter {
                    found.append(error(
                        "node name '\(name)' is not a valid SMF instance name: it must start with an ASCII letter, "
                            + "not \(characterName(scalar))",
                        at: map.location(of: path, characterOffset: offset)))
                    break
                }
                if !(isLetter || isDigit || scalar == "_" || scalar == "-") {
                    found.append(error(
                        "node name '\(name)' is not a valid SMF instance name: \(characterName(scalar)) is not allowed; "
                            + "use ASCII letters, digits, '_' and '-'",
                        at: map.location(of: path, characterOffset: offset)))
                    break
                }
            }
            if name.utf8.count > Self.maxBytes {
                found.append(error(
                    "node name is \(name.utf8.count) bytes long; an SMF instance name has at most \(Self.maxBytes)",
                    at: map.location(of: path)))
            }
        }
        return found
    }
}
