/// A highly available PostgreSQL cluster, as one YAML file describes it, with
/// every default applied. Plain values: where each came from is kept beside it
/// in a `SourceMap`, so translation reads values and checks read positions.
public struct ClusterDefinition: Hashable, Sendable {
    public var cluster: String
    public var stack: Stack
    public var nodes: [Node]
    /// The machines the nodes are on; empty: every zone on the host that
    /// runs deploy.sh.
    public var hosts: [ClusterHost] = []
    public var etcd: EtcdSettings
    public var postgres: PostgresSettings
    public var patroni: PatroniSettings
    public var stolon: StolonSettings
    public var haproxy: HAProxySettings
    public var users: ServiceUsers
    public var paths: InstallPaths
    public var secrets: SecretFiles
    public var packaging: Packaging
    public var tls = TLSSettings()
    public var storage = StorageSettings()
    public var replication = ReplicationSettings()
    /// The existing etcd cluster the definition uses (`etcd.endpoints` or
    /// `etcd.definition`), as the loader resolved it; nil when the cluster
    /// runs its own.
    public var externalEtcd: ExternalEtcd?
    /// The values of the keys declared as `.setting` in `DefinitionKeys`
    /// (no Swift field of their own), by their path.
    public var settings: [String: SettingValue] = [:]

    public init(
        cluster: String, stack: Stack, nodes: [Node], etcd: EtcdSettings, postgres: PostgresSettings,
        patroni: PatroniSettings, stolon: StolonSettings, haproxy: HAProxySettings, users: ServiceUsers,
        paths: InstallPaths, secrets: SecretFiles, packaging: Packaging
    ) {
        self.cluster = cluster
        self.stack = stack
        self.nodes = nodes
        self.etcd = etcd
        self.postgres = postgres
        self.patroni = patroni
        self.stolon = stolon
        self.haproxy = haproxy
        self.users = users
        self.paths = paths
        self.secrets = secrets
        self.packaging = packaging
    }
}

/// What the cluster runs: PostgreSQL under an HA manager (patroni, stolon),
/// the etcd cluster alone (`etcd`), for other clusters to use, or plain
/// PostgreSQL streaming replication (`replication`: one primary named in
/// the definition, hot standbys cloned from it, promotion by the operator).
///
/// A new stack is a case here and the stack's name in the `stacks` of its
/// service templates.
public enum Stack: String, Hashable, Sendable, CaseIterable {
    case patroni, stolon, etcd, replication

    /// Whether the stack runs PostgreSQL (every stack but etcd alone).
    public var runsPostgres: Bool { self != .etcd }

    /// Whether the stack runs an etcd cluster (every stack but plain
    /// replication, where the operator, not a store, says who is primary).
    public var runsEtcd: Bool { self != .replication }
}

extension ClusterDefinition {
    /// Every setting blank: what decoding starts from before defaults.
    init(blankCluster cluster: String, stack: Stack, nodes: [Node]) {
        self.init(
            cluster: cluster, stack: stack, nodes: nodes, etcd: .init(), postgres: .init(), patroni: .init(),
            stolon: .init(), haproxy: .init(), users: .init(), paths: .init(), secrets: .init(), packaging: .init())
    }
}

/// One member of the cluster: a zone (or a host) running the daemons of its roles.
public struct Node: Hashable, Sendable {
    /// Also the SMF instance name of every service on this node.
    public var name: String
    /// IPv4 or IPv6 literal.
    public var address: String
    /// stolon keeper `--uid`; defaults to `postgres<index>` (0-based), as in
    /// the walk-through.
    public var keeperID: String
    /// etcd's `--initial-cluster-state` for this node's member: `new` for a
    /// member of the first bootstrap, `existing` for one added to the
    /// running cluster (after `etcdctl member add`).
    public var etcdState: String = "new"
    /// Whether the node's member joins a running etcd cluster (`etcd_state: existing`).
    public var joinsEtcd: Bool { etcdState == "existing" }
    /// The roles the definition lists for the node; nil runs every role of
    /// the stack (`ClusterDefinition.roles(of:)`).
    public var roles: [NodeRole]?
    /// The name of the host (`hosts`) the node's zone is on; "" without hosts.
    public var host: String = ""

    public init(name: String, address: String, keeperID: String, roles: [NodeRole]? = nil) {
        self.name = name
        self.address = address
        self.keeperID = keeperID
        self.roles = roles
    }
}
