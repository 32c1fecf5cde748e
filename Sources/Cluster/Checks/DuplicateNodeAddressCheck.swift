import Diagnostics

/// `cluster.node.duplicate-address`: two nodes at one address would fight
/// over every port. Compares parsed addresses, so `fd00::1` equals `fd00:0::1`.
struct DuplicateNodeAddressCheck: DefinitionCheck {
    let rule = "cluster.node.duplicate-address"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        var firstIndex: [IPAddress: Int] = [:]
        var found: [Diagnostic] = []
        for (index, node) in loaded.definition.nodes.enumerated() {
            // A missing address is reported by the loader; nothing to check.
            guard loaded.sourceMap.values["nodes[\(index)].address"] != nil else { continue }
            guard let address = IPAddress(node.address) else { continue }
            if let first = firstIndex[address] {
                let other = loaded.definition.nodes[first].name
                found.append(error(
                    "address '\(node.address)' is already the address of node '\(other)'; each node needs its own",
                    at: loaded.sourceMap.location(of: "nodes[\(index)].address")))
            } else {
                firstIndex[address] = index
            }
        }
        return found
    }
}
