/// `storage:` — where PostgreSQL's data lives on the global zone's pools.
/// Without a dataset, `paths.postgres_data` is a directory in each zone's
/// own root file system; with one, deploy.sh gives every node the ZFS
/// dataset `<dataset>/<node>` and mounts it at `paths.postgres_data` in the
/// node's zone (docs/cluster-definition.md, "storage"). The dataset's ZFS
/// properties are `.setting` keys: only deploy.sh reads them.
public struct StorageSettings: Hashable, Sendable {
    /// The parent dataset (`tank/pgha`); nil: no dataset, the zone root.
    public var dataset: String?

    public init(dataset: String? = nil) {
        self.dataset = dataset
    }
}
