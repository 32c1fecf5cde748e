import Diagnostics

/// `cluster.port.conflict`: no two daemons of one node listen on the same
/// port of the same address (a wildcard address overlaps every address).
/// Only the daemons of the chosen stack count: etcd (client, peer) and
/// PostgreSQL everywhere; patroni's REST API and haproxy's three listeners
/// for patroni; stolon's proxy for stolon. Nodes are separate hosts (zones),
/// so listeners of different nodes never clash here.
struct PortConflictCheck: DefinitionCheck {
    let rule = "cluster.port.conflict"

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
            let listeners = self.listeners(of: definition, at: address).filter { (1...65535).contains($0.port) }
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

    private func listeners(of definition: ClusterDefinition, at address: IPAddress) -> [Listener] {
        var listeners = [
            Listener(path: "etcd.client_port", port: definition.etcd.clientPort, address: address),
            Listener(path: "etcd.peer_port", port: definition.etcd.peerPort, address: address),
            Listener(path: "postgres.port", port: definition.postgres.port, address: address),
        ]
        switch definition.stack {
        case .patroni:
            let bind = definition.haproxy.bindAddress.flatMap(IPAddress.init) ?? address
            listeners += [
                Listener(path: "patroni.rest_port", port: definition.patroni.restPort, address: address),
                Listener(path: "haproxy.port", port: definition.haproxy.port, address: bind),
                Listener(path: "haproxy.replica_port", port: definition.haproxy.replicaPort, address: bind),
                Listener(path: "haproxy.stats_port", port: definition.haproxy.statsPort, address: bind),
            ]
        case .stolon:
            listeners.append(Listener(path: "stolon.proxy_port", port: definition.stolon.proxyPort, address: address))
        }
        return listeners
    }
}
