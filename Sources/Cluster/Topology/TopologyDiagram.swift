import Diagram

extension ClusterTopology {
    /// Hosts as outer boxes, zones inside them (name and address), each
    /// daemon a box with its FMRI and ports; peer links undirected and
    /// dashed, client links as arrows; the applications outside.
    public func diagram() -> Diagram {
        let groups = hosts.map { host in
            Diagram.Group(
                id: "host:" + host.name, label: "host: " + host.name,
                groups: host.zones.map { zone in
                    Diagram.Group(
                        id: "zone:" + zone.name, label: "zone \(zone.name) (\(zone.address))",
                        nodes: zone.daemons.map { daemon in
                            let ports = daemon.listeners.map { ":\($0.port) \($0.purpose)" }.joined(separator: ", ")
                            return Diagram.Node(
                                id: daemon.instanceFMRI,
                                lines: [daemon.kind, daemon.instanceFMRI] + (ports.isEmpty ? [] : [ports]))
                        })
                })
        }
        let clients = Diagram.Node(id: Self.clients, lines: ["clients"], style: .external)
        let edges = connections.map { connection in
            Diagram.Edge(
                from: connection.from, to: connection.to, label: connection.label,
                style: connection.from == Self.clients ? .external : .normal,
                dashed: connection.kind == .peer, undirected: connection.kind == .peer)
        }
        return Diagram(
            title: "\(cluster): \(stack) cluster", direction: .topToBottom, groups: groups,
            nodes: connections.contains { $0.from == Self.clients } ? [clients] : [], edges: edges)
    }
}
