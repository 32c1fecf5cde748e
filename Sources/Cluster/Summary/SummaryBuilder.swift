import SMF
import Tribblix

/// Builds a `ClusterSummary` from a valid definition: the topology `smfkit
/// graph` draws, and the manifests and overlay translation makes.
public enum SummaryBuilder {
    public static func summary(of definition: ClusterDefinition, templates: TemplateSet) throws(TemplateError)
        -> ClusterSummary
    {
        let topology = try TopologyBuilder.topology(of: definition, templates: templates, peers: false)
        let translated = try Translator(definition: definition, templates: templates, sourceName: "summary").translate()
        let clients = topology.connections.filter { $0.from == ClusterTopology.clients }.map {
            ClusterSummary.ClientEndpoint(instance: $0.to, description: $0.label)
        }
        // Each daemon as the first zone that runs it shows it (zones differ by their roles).
        var kinds: Set<String> = []
        let everyDaemon = topology.hosts.flatMap(\.zones).flatMap(\.daemons).filter { kinds.insert($0.kind).inserted }
        let daemons = everyDaemon.map { daemon in
            let service = daemon.instanceFMRI.split(separator: ":").dropLast().joined(separator: ":")
            let bundle = translated.manifests.first { $0.bundle.services.contains { $0.fmri == service } }?.bundle
            return ClusterSummary.Daemon(
                kind: daemon.kind, service: service,
                listeners: daemon.listeners,
                data: definition.nodes.compactMap { node in
                    dataDirectory(in: bundle, service: service, node: node.name).map { .init(node: node.name, path: $0) }
                })
        }
        let overlays = translated.overlays.map { overlay in
            ClusterSummary.Tribblix(
                package: definition.packaging.package, overlay: overlay.descriptor.id,
                nodes: definition.nodes.filter { definition.overlayID(of: $0) == overlay.descriptor.id }.map(\.name),
                packages: overlay.packages.packages, requiredOverlays: overlay.descriptor.requires)
        }
        var summary = ClusterSummary(
            cluster: definition.cluster, stack: definition.stack.rawValue, hosts: topology.hosts, clients: clients,
            daemons: daemons,
            tribblix: overlays)
        if definition.stack.runsPostgres { summary.storage = storage(of: definition) }
        if let etcd = definition.externalEtcd {
            let members = etcd.members.map { "\(TemplateContext.urlHost($0.address)):\(etcd.clientPort)" }
            summary.externalEtcd = "the existing cluster " + (definition.etcd.definition.map { "of \($0) " } ?? "")
                + "at \(members.joined(separator: ", ")), under \(definition.etcdScope ?? "")"
        }
        return summary
    }

    /// The storage line: the datasets deploy.sh makes and how they reach
    /// the zones, or the zone root.
    private static func storage(of definition: ClusterDefinition) -> String {
        let directory = definition.paths.postgresData
        guard let dataset = definition.storage.dataset else {
            return "PostgreSQL's data in \(directory), in each zone's root file system (no storage.dataset)"
        }
        let setting = { (key: String) in definition.settings["storage.\(key)"]?.text ?? "" }
        let attached = setting("attach") == "delegate" ? "delegated to each zone, mounted" : "lofs-mounted"
        return "PostgreSQL's data on ZFS dataset \(dataset)/<node> (recordsize=\(setting("recordsize")), "
            + "compression=\(setting("compression")), logbias=\(setting("logbias"))), \(attached) at \(directory)"
    }

    /// The instance's `config/data_dir`, else the service's.
    private static func dataDirectory(in bundle: ServiceBundle?, service: String, node: String) -> String? {
        guard let entry = bundle?.services.first(where: { $0.fmri == service }) else { return nil }
        // A node without the daemon's role has no instance, and no data there.
        guard let instance = entry.instances.first(where: { $0.name == node }) else { return nil }
        for groups in [instance.entity.propertyGroups, entry.entity.propertyGroups] {
            let property = groups.first { $0.name == "config" }?.properties.first { $0.name == "data_dir" }
            if let value = property?.values.first?.text { return value }
        }
        return nil
    }
}
