/// The topology of a definition. Every node is a zone on the host that runs
/// deploy.sh (the generated deploy creates all zones where it runs); each
/// zone runs one instance of every daemon of the stack. Each daemon's
/// listeners are the ones its service template declares, with the
/// definition's ports; who connects to whom is each daemon's own behaviour:
/// - etcd members peer with each other (`initial_cluster`);
/// - patroni, and stolon's keeper, sentinel and proxy, are etcd clients of
///   every member (shown to the member on their own node, labelled so);
/// - haproxy checks every node's patroni REST API and forwards to its
///   PostgreSQL; stolon's proxy forwards to the keeper that is primary;
/// - PostgreSQL replicas stream from the primary, which moves on failover
///   (shown as replication between the nodes' database daemons);
/// - clients connect to haproxy (patroni) or to stolon's proxy.
public enum TopologyBuilder {
    /// The name the single host goes by until definitions place nodes on hosts.
    public static let deployingHost = "the host that runs deploy.sh"

    public static func topology(of definition: ClusterDefinition, templates: TemplateSet) -> ClusterTopology {
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
            connections: connections(among: zones, definition: definition))
    }

    /// The listeners the template declares, with the definition's ports.
    static func listeners(of template: ServiceTemplate, in definition: ClusterDefinition) -> [ClusterTopology.Listener] {
        template.listeners.compactMap { listener in
            listener.port(in: definition).map {
                ClusterTopology.Listener(purpose: listener.purpose, port: $0)
            }
        }
    }

    static func connections(among zones: [ClusterTopology.Zone], definition: ClusterDefinition)
        -> [ClusterTopology.Connection] {
        typealias Connection = ClusterTopology.Connection
        func fmri(_ kind: String, _ zone: ClusterTopology.Zone) -> String? {
            zone.daemons.first { $0.kind == kind }?.instanceFMRI
        }
        let etcd = definition.etcd, postgres = definition.postgres.port
        var connections: [Connection] = []
        // etcd members, each pair once.
        for (index, first) in zones.enumerated() {
            for second in zones[(index + 1)...] {
                if let a = fmri("etcd", first), let b = fmri("etcd", second) {
                    connections.append(Connection(from: a, to: b, label: "etcd peers :\(etcd.peerPort)", kind: .peer))
                }
            }
        }
        // etcd clients, drawn to the member on their own node.
        for zone in zones {
            guard let member = fmri("etcd", zone) else { continue }
            for kind in ["patroni", "stolon-keeper", "stolon-sentinel", "stolon-proxy"] {
                if let client = fmri(kind, zone) {
                    connections.append(Connection(
                        from: client, to: member, label: "etcd v3 :\(etcd.clientPort) (any member)", kind: .client))
                }
            }
        }
        let database = zones.compactMap { fmri("patroni", $0) ?? fmri("stolon-keeper", $0) }
        // Routers to every node's database.
        for zone in zones {
            if let router = fmri("haproxy", zone) {
                for target in database {
                    connections.append(Connection(
                        from: router, to: target,
                        label: "check :\(definition.patroni.restPort), PostgreSQL :\(postgres)", kind: .client))
                }
            }
            if let proxy = fmri("stolon-proxy", zone) {
                for target in database {
                    connections.append(Connection(
                        from: proxy, to: target, label: "PostgreSQL :\(postgres) (the primary)", kind: .client))
                }
            }
        }
        // Replication between the database daemons, each pair once.
        for (index, first) in database.enumerated() {
            for second in database[(index + 1)...] {
                connections.append(Connection(
                    from: first, to: second, label: "replication :\(postgres) (from the primary)", kind: .peer))
            }
        }
        // Clients.
        for zone in zones {
            if let router = fmri("haproxy", zone) {
                connections.append(Connection(
                    from: ClusterTopology.clients, to: router,
                    label: "\(zone.address):\(definition.haproxy.port) primary, :\(definition.haproxy.replicaPort) replicas",
                    kind: .client))
            }
            if let proxy = fmri("stolon-proxy", zone) {
                connections.append(Connection(
                    from: ClusterTopology.clients, to: proxy, label: "\(zone.address):\(definition.stolon.proxyPort)",
                    kind: .client))
            }
        }
        return connections
    }
}
