import Diagnostics

/// `cluster.port.conflict`: no two daemons of one node listen on the same
/// port of the same address (a wildcard address overlaps every address).
/// Only the daemons of the chosen stack and the node's roles count, with the listeners their
/// service templates declare (`listeners:`), so a daemon added as a template
/// is checked too. Nodes are separate hosts (zones), so listeners of
/// different nodes never clash here.
struct PortConflictCheck: DefinitionCheck {
    let rule = "cluster.port.conflict"
    /// The stack's templates, in start order.
    let services: [ServiceTemplate]

    private struct Listener {
        var path: String
        var port: Int
        var address: IPAddress
    }

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        // (earlier path, later path) → the nodes where the two clash.
        var clashes: [String: (first: Listener, second: Listener, nodes: [String])] = [:]
        var order: [String] = []
        for node in definition.nodes {
            guard let address = IPAddress(node.address) else { continue }
            let listeners = self.listeners(of: definition, on: node, at: address).filter { (1...65535).contains($0.port) }
            for (i, first) in listeners.enumerated() {
                for second in listeners[(i + 1)...] where first.port == second.port && overlap(first, second) {
                    let key = first.path + "|" + second.path
                    if clashes[key] == nil {
                        clashes[key] = (first, second, [])
                        order.append(key)
                    }
                    clashes[key]?.nodes.append(node.name)
                }
            }
        }
        let map = loaded.sourceMap
        return order.compactMap { key in
            guard let clash = clashes[key] else { return nil }
            // Point at whichever of the two the file wrote last: that is the one just changed.
            let written = [clash.first.path, clash.second.path].filter { map.values[$0] != nil }
            let blamed = written.max { map.location(of: $0).line < map.location(of: $1).line } ?? clash.second.path
            let other = blamed == clash.first.path ? clash.second.path : clash.first.path
            return error(
                "'\(blamed)' is \(clash.first.port), the same as '\(other)', on the same address on "
                    + "\(clash.nodes.map(display).joined(separator: ", ")); give each listener its own port",
                at: map.location(of: blamed))
        }
    }

    private func overlap(_ a: Listener, _ b: Listener) -> Bool {
        a.address == b.address || a.address.isWildcard || b.address.isWildcard
    }

    private func listeners(of definition: ClusterDefinition, on node: Node, at address: IPAddress) -> [Listener] {
        var listeners: [Listener] = []
        for template in services where definition.runs(template.role, on: node) {
            for listener in template.listeners {
                guard let port = listener.port(in: definition) else { continue }
                let bind = listener.address.flatMap { definition.value(at: $0) as? String }.flatMap(IPAddress.init)
                // A fixed port is named by its daemon; the definition cannot
                // move it, so a clash is blamed on the definition's key.
                let path = switch listener.port {
                case .key(let key): key
                case .number: "\(template.kind) \(listener.purpose) port"
                }
                // Two daemons may name one key (patroni serves postgres.port,
                // as would a keeper); it is one listener.
                if listeners.contains(where: { $0.path == path }) { continue }
                listeners.append(Listener(path: path, port: port, address: bind ?? address))
            }
        }
        return listeners
    }
}
