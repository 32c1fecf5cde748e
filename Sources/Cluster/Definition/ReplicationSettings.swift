/// `replication:` — plain streaming replication (`stack: replication`).
/// Nothing elects a primary: the definition names it, and a failover is the
/// operator's change of that name (docs/cluster-definition.md, "Streaming
/// replication"). The other keys of the section are `.setting` keys that
/// only the postgres template reads.
public struct ReplicationSettings: Hashable, Sendable {
    /// The node that initialises the data directory and that the others
    /// clone and stream from; nil when the definition names none (an error
    /// of `cluster.replication.primary` under `stack: replication`).
    public var primary: String?

    public init(primary: String? = nil) {
        self.primary = primary
    }
}

extension ClusterDefinition {
    /// The node `replication.primary` names, if it names one.
    public var primaryNode: Node? {
        replication.primary.flatMap { name in nodes.first { $0.name == name } }
    }
}
