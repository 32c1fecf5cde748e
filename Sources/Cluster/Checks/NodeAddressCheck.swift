import Diagnostics

/// `cluster.node.address`: each node's address is an IPv4 or IPv6 literal
/// (not a host name: etcd's peer URLs and haproxy's server lines take the
/// address as written, and nothing resolves names in a fresh zone), and not
/// a wildcard, which no peer could connect to.
struct NodeAddressCheck: DefinitionCheck {
    let rule = "cluster.node.address"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, node) in loaded.definition.nodes.enumerated() {
            // A missing address is reported by the loader; nothing to check.
            guard loaded.sourceMap.values["nodes[\(index)].address"] != nil else { continue }
            let path = "nodes[\(index)].address"
            if UnsafeCharacters.first(in: node.address) != nil { continue }
            let location = loaded.sourceMap.location(of: path)
            guard let address = IPAddress(node.address) else {
                found.append(error(
                    "node address '\(node.address)' is not an IPv4 or IPv6 address; write it like 192.168.0.231 or fd00::231",
                    at: location))
                continue
            }
            if address.isWildcard {
                found.append(error(
                    "node address '\(node.address)' means every address; give the address peers reach this node at",
                    at: location))
            }
        }
        return found
    }
}
