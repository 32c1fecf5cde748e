/// The topology of a definition. Every node is a zone on its host
/// (`nodes[].host`), or without `hosts` on the host that runs deploy.sh
/// (which then creates all zones where it runs); each
/// zone runs one instance of every daemon of its node's roles. Each daemon's
/// listeners and connections are the ones its service template declares
/// (`listeners:`, `connections:`), so a daemon added as a template is drawn
/// with no change here. Connections are drawn in four passes — peers, clients
/// on the same node, clients of every node, applications — each in node
/// order, then the stack's start order. An existing etcd (`etcd.definition`,
/// `etcd.endpoints`) is one external end of every connection to etcd.
public enum TopologyBuilder {
    /// The name the single host goes by in a definition without `hosts`.
    public static let deployingHost = "the host that runs deploy.sh"

    /// `peers: false` leaves out the connections between members of one
    /// daemon, a full mesh that grows with the square of the nodes, for a
    /// reader that wants only the zones and where clients connect.
    public static func topology(of definition: ClusterDefinition, templates: TemplateSet, peers: Bool = true)
        throws(TemplateError) -> ClusterTopology
    {
        let services = templates.services(for: definition.stack)
        let zones = definition.nodes.map { node in
            ClusterTopology.Zone(
                name: node.name, address: node.address,
                daemons: services.filter { definition.runs($0.role, on: node) }.map { template in
                    ClusterTopology.Daemon(
                        kind: template.kind, instanceFMRI: template.instanceFMRI(on: node.name),
                        listeners: listeners(of: template, in: definition))
                })
        }
        // With hosts, each host holds the zones placed on it, in the order
        // `hosts` lists them; a host without a node is left out.
        let hosts = definition.hasHosts
            ? definition.hosts.map { host in
                ClusterTopology.Host(name: host.name, zones: zip(definition.nodes, zones).filter { $0.0.host == host.name }.map(\.1))
            }.filter { !$0.zones.isEmpty }
            : [ClusterTopology.Host(name: deployingHost, zones: zones)]
        return ClusterTopology(
            cluster: definition.cluster, stack: definition.stack.rawValue, hosts: hosts,
            connections: try connections(of: services, definition: definition, peers: peers),
            existingEtcd: definition.externalEtcd.map { existing(etcd: $0, of: definition) })
    }

    /// The existing etcd's members with its client port, and the key that names it.
    static func existing(etcd: ExternalEtcd, of definition: ClusterDefinition) -> ClusterTopology.ExistingEtcd {
        ClusterTopology.ExistingEtcd(
            source: definition.etcd.definition.map { "etcd.definition: \($0)" } ?? "etcd.endpoints",
            members: etcd.members.map { member in
                let endpoint = "\(TemplateContext.urlHost(member.address)):\(etcd.clientPort)"
                return member.name == member.address ? endpoint : "\(member.name) \(endpoint)"
            })
    }

    /// The listeners the template declares, with the definition's ports.
    static func listeners(of template: ServiceTemplate, in definition: ClusterDefinition) -> [ClusterTopology.Listener] {
        template.listeners.compactMap { listener in
            listener.port(in: definition).map {
                ClusterTopology.Listener(purpose: listener.purpose, port: $0)
            }
        }
    }

    static func connections(of services: [ServiceTemplate], definition: ClusterDefinition, peers includePeers: Bool)
        throws(TemplateError) -> [ClusterTopology.Connection]
    {
        typealias Connection = ClusterTopology.Connection
        let context = TemplateContext(definition)
        let nodes = definition.nodes
        // A label depends on its text and node alone; the same one labels a
        // node's connection to every other node, so each is rendered once.
        var labels: [String: String] = [:]
        func label(_ text: String, node index: Int, _ template: ServiceTemplate) throws(TemplateError) -> String {
            let key = "\(index)\u{0}\(template.origin)\u{0}\(text)"
            if let label = labels[key] { return label }
            let label = try TextTemplate.render(text, context.node(at: index), name: template.origin)
            labels[key] = label
            return label
        }
        // Every instance's FMRI, made once: a full mesh names each n times.
        // nil where the node lacks the daemon's role.
        var instances: [String: [String?]] = [:]
        for template in services where instances[template.kind] == nil {
            instances[template.kind] = nodes.map {
                definition.runs(template.role, on: $0) ? template.instanceFMRI(on: $0.name) : nil
            }
        }
        let roleOfKind = Dictionary(services.map { ($0.kind, $0.role) }, uniquingKeysWith: { first, _ in first })
        let nodeIndex = Dictionary(nodes.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        func fmri(_ kind: String, on node: Node) -> String? {
            guard let index = nodeIndex[node.name] else { return nil }
            return instances[kind]?[index] ?? nil
        }
        func instance(_ template: ServiceTemplate, on node: Node) -> String {
            fmri(template.kind, on: node) ?? template.instanceFMRI(on: node.name)
        }
        var connections: [Connection] = []
        // Peers, each pair once.
        for template in services where includePeers {
            guard let peers = template.connections.peers else { continue }
            for (index, first) in nodes.enumerated() where definition.runs(template.role, on: first) {
                for second in nodes[(index + 1)...] where definition.runs(template.role, on: second) {
                    connections.append(Connection(
                        from: instance(template, on: first), to: instance(template, on: second),
                        label: try label(peers, node: index, template), kind: .peer))
                }
            }
        }
        // Clients: of the daemon on their own node, then of every node's.
        for scope in ClientConnection.Scope.allCases {
            for (index, node) in nodes.enumerated() {
                for template in services where definition.runs(template.role, on: node) {
                    for client in template.connections.clients where client.on == scope {
                        // A node without the server's role is a client of
                        // every node that has it (patroni of every etcd member).
                        // With an existing etcd, every client of etcd connects to
                        // that cluster, which no node runs.
                        if definition.externalEtcd != nil, roleOfKind[client.to] == .etcd {
                            connections.append(Connection(
                                from: instance(template, on: node), to: ClusterTopology.existingEtcdID,
                                label: try label(client.label, node: index, template), kind: .client))
                            continue
                        }
                        let local = roleOfKind[client.to].map { definition.runs($0, on: node) } ?? true
                        let targets = scope == .sameNode && local ? [node] : nodes
                        for target in targets {
                            guard let server = fmri(client.to, on: target) else { continue }
                            connections.append(Connection(
                                from: instance(template, on: node), to: server,
                                label: try label(client.label, node: index, template), kind: .client))
                        }
                    }
                }
            }
        }
        // Applications.
        for (index, node) in nodes.enumerated() {
            for template in services where definition.runs(template.role, on: node) {
                guard let applications = template.connections.applications else { continue }
                // A label that renders empty: no application of this stack connects to the daemon.
                let text = try label(applications, node: index, template)
                guard !text.isEmpty else { continue }
                connections.append(Connection(
                    from: ClusterTopology.clients, to: instance(template, on: node), label: text, kind: .client))
            }
        }
        return connections
    }
}
