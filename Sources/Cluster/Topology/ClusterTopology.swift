/// Where a cluster's daemons run and who talks to whom: hosts holding zones
/// (one per node), each zone the SMF instances of its daemons with the ports
/// they listen on, and the connections between them. What `smfkit graph
/// DEF.yaml` draws, for a runbook.
public struct ClusterTopology: Hashable, Sendable {
    public struct Host: Hashable, Sendable {
        public var name: String
        public var zones: [Zone]
    }

    public struct Zone: Hashable, Sendable {
        /// The node's name: the zone's name and every instance's.
        public var name: String
        public var address: String
        public var daemons: [Daemon]
    }

    public struct Daemon: Hashable, Sendable {
        /// The service template's kind: `etcd`, `patroni`, `haproxy`, `stolon-keeper`, ….
        public var kind: String
        /// `svc:/network/etcd:node1`.
        public var instanceFMRI: String
        public var listeners: [Listener]
    }

    public struct Listener: Hashable, Sendable {
        public var purpose: String
        public var port: Int
    }

    public struct Connection: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// Both ways between equals (etcd peers, replication).
            case peer
            /// A client of a server.
            case client
        }

        /// Instance FMRIs, or `clients` for the applications.
        public var from: String
        public var to: String
        public var label: String
        public var kind: Kind
    }

    /// An etcd cluster the daemons use but this definition does not make
    /// (`etcd.definition`, `etcd.endpoints`): drawn outside every host.
    public struct ExistingEtcd: Hashable, Sendable {
        /// The key that names it, as written: `etcd.definition: etcd.yaml`, `etcd.endpoints`.
        public var source: String
        /// Each member as `name address:port`, or `address:port` for `etcd.endpoints`.
        public var members: [String]
    }

    public var cluster: String
    public var stack: String
    public var hosts: [Host]
    public var connections: [Connection]
    public var existingEtcd: ExistingEtcd?

    /// The id standing for the applications that connect to the cluster.
    public static let clients = "clients"
    /// The id standing for the existing etcd cluster, the end of its clients' connections.
    public static let existingEtcdID = "existing-etcd"
}
