import Diagnostics

/// `cluster.storage.zone-root`: a data path placed explicitly
/// (`paths.data`, `paths.postgres_data`) without `storage.dataset` is a
/// directory in each zone's own root file system: `/tank/pg` in a zone is
/// `/export/zones/<zone>/root/tank/pg`, on the zone root's dataset, not the
/// pool `tank` of the global zone (reference/tribblix-host.md §1.4). Nothing
/// delegates or mounts a dataset there unless the definition says so.
/// Only a path moved from its default counts (the default is documented as
/// the zone root's), and not on nodes that are all loopback addresses: one
/// host's test cluster (Examples/loopback-patroni.yaml) has no zones. A
/// warning (an error with `check --strict`): a lab may want exactly that.
struct ZoneRootDataCheck: DefinitionCheck {
    let rule = "cluster.storage.zone-root"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        guard definition.storage.dataset == nil else { return [] }
        // A path that is not a plain absolute one is the path checks' to report.
        let defaults = ClusterDefinition(cluster: definition.cluster, stack: definition.stack, nodes: [])
        let moved = [("paths.postgres_data", definition.paths.postgresData != "\(definition.paths.data)/postgres"),
                     ("paths.data", definition.paths.data != defaults.paths.data)]
        let placed = moved.first { loaded.sourceMap.values[$0.0] != nil && $0.1 }?.0
        let oneHost = !definition.nodes.isEmpty && definition.nodes.allSatisfy(Self.isLoopback)
        guard let path = placed, !oneHost, Self.isPlainAbsolute(definition.paths.postgresData) else { return [] }
        return [warning(
            "PostgreSQL's data (\(definition.paths.postgresData)) will be a directory in each zone's own root file "
                + "system (/export/zones/<zone>/root\(definition.paths.postgresData)), not on a ZFS dataset of the "
                + "global zone; give storage.dataset (pool/path) to put each node's data on a dataset of its own",
            at: loaded.sourceMap.location(of: path))]
    }

    private static func isPlainAbsolute(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasSuffix("/") && !path.contains("//") && UnsafeCharacters.first(in: path) == nil
    }

    /// 127.0.0.0/8 or ::1.
    private static func isLoopback(_ node: Node) -> Bool {
        guard let address = IPAddress(node.address) else { return false }
        return address.family == .v4 ? address.bytes.first == 127 : address.bytes == Array(repeating: 0, count: 15) + [1]
    }
}
