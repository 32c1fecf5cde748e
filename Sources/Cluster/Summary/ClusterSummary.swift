/// What `smfkit check` understood from a valid definition, for the person
/// who wrote it: where the nodes are, what runs there, where clients
/// connect, where each daemon keeps its data, and what Tribblix must
/// provide. Read off the same translation generate runs, so it cannot say
/// something the generated files do not.
public struct ClusterSummary: Hashable, Sendable {
    /// Where PostgreSQL's data lives: on a ZFS dataset per node, or in
    /// each zone's root file system (one line, `storage:` of the definition).
    public var storage = ""
    /// The existing etcd the cluster uses (`etcd.definition`,
    /// `etcd.endpoints`), one line; empty when it runs its own.
    public var externalEtcd = ""

    /// Where applications connect on one node (`10.20.30.11:6432 primary, …`).
    public struct ClientEndpoint: Hashable, Sendable {
        public var instance: String
        public var description: String
    }

    public struct Daemon: Hashable, Sendable {
        /// The service template's kind: `etcd`, `patroni`, …
        public var kind: String
        public var service: String
        public var listeners: [ClusterTopology.Listener]
        /// Each node's data directory (the instance's `config/data_dir`);
        /// empty for a daemon that keeps none.
        public var data: [DataDirectory]
    }

    public struct DataDirectory: Hashable, Sendable {
        public var node: String
        public var path: String
    }

    /// The Tribblix side: what an overlay installs and requires, and the
    /// nodes whose zones it is for (one overlay per set of roles).
    public struct Tribblix: Hashable, Sendable {
        public var package: String
        public var overlay: String
        public var nodes: [String]
        /// Every package the overlay installs, the cluster's own first.
        public var packages: [String]
        /// The overlays it requires (`REQUIRES=`).
        public var requiredOverlays: [String]
    }

    public var cluster: String
    public var stack: String
    /// Where the zones are and what runs in each: the topology's own.
    public var hosts: [ClusterTopology.Host]
    public var clients: [ClientEndpoint]
    public var daemons: [Daemon]
    /// One entry per overlay, in node order.
    public var tribblix: [Tribblix]
}
