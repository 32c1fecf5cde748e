/// The topology of a definition. Every node is a zone on the host that runs
/// deploy.sh (the generated deploy creates all zones where it runs); each
/// zone runs one instance of every daemon of the stack. Each daemon's
/// listeners and connections are the ones its service template declares
/// (`listeners:`, `connections:`), so a daemon added as a template is drawn
/// with no change here. Connections are drawn in four passes — peers, clients
/// on the same node, clients of every node, applications — each in node
/// order, then the stack's start order.
public enum TopologyBuilder {
    /// The name the single host goes by until definitions place nodes on hosts.
    public static let deployingHost = "the host that runs deploy.sh"

    public static func topology(of definition: ClusterDefinition, templates: TemplateSet) throws(TemplateError)
        -> ClusterTopology
    {
        let services = templates.services(for: definition.stack)
        let zones = definition.nodes.map { node in
            ClusterTopology.Zone(
                name: node.name, address: node.address,
                daemons: services.map { template in
                    ClusterTopology.Daemon(
                        kind: template.kind, instanceFMRI: template.instanceFMRI(on: node.name),
                        listeners: listeners(of: template, in: definition))
                })
        }
        let host = ClusterTopology.Host(name: deployingHost, zones: zones)
        return ClusterTopology(
            cluster: definition.cluster, stack: definition.stack.rawValue, hosts: [host],
            connections: try connections(of: services, definition: definition))
    }

    /// The listeners the template declares, with the definition's ports.
    static func listeners(of template: ServiceTemplate, in definition: ClusterDefinition) -> [ClusterTopology.Listener] {
        template.listeners.compactMap { listener in
            listener.port(in: definition).map {
                ClusterTopology.Listener(purpose: listener.purpose, port: $0)
            }
        }
    }

    static func connections(of services: [ServiceTemplate], definition: ClusterDefinition) throws(TemplateError)
        -> [ClusterTopology.Connection]
    {
        typealias Connection = ClusterTopology.Connection
        let context = TemplateContext(definition)
        let nodes = definition.nodes
        func label(_ text: String, node index: Int, _ template: ServiceTemplate) throws(TemplateError) -> String {
            try TextTemplate.render(text, context.node(at: index), name: template.origin)
        }
        func fmri(_ kind: String, on node: Node) -> String? {
            services.first { $0.kind == kind }?.instanceFMRI(on: node.name)
        }
        var connections: [Connection] = []
        // Peers, each pair once.
        for template in services {
            guard let peers = template.connections.peers else { continue }
            for (index, first) in nodes.enumerated() {
                for second in nodes[(index + 1)...] {
                    connections.append(Connection(
                        from: template.instanceFMRI(on: first.name), to: template.instanceFMRI(on: second.name),
                        label: try label(peers, node: index, template), kind: .peer))
                }
            }
        }
        // Clients: of the daemon on their own node, then of every node's.
        for scope in ClientConnection.Scope.allCases {
            for (index, node) in nodes.enumerated() {
                for template in services {
                    for client in template.connections.clients where client.on == scope {
                        let targets = scope == .sameNode ? [node] : nodes
                        for target in targets {
                            guard let server = fmri(client.to, on: target) else { continue }
                            connections.append(Connection(
                                from: template.instanceFMRI(on: node.name), to: server,
                                label: try label(client.label, node: index, template), kind: .client))
                        }
                    }
                }
            }
        }
        // Applications.
        for (index, node) in nodes.enumerated() {
            for template in services {
                guard let applications = template.connections.applications else { continue }
                connections.append(Connection(
                    from: ClusterTopology.clients, to: template.instanceFMRI(on: node.name),
                    label: try label(applications, node: index, template), kind: .client))
            }
        }
        return connections
    }
}
