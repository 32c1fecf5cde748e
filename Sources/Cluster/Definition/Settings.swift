/// `etcd:` — the distributed configuration store, one member per node.
public struct EtcdSettings: Hashable, Sendable {
    public var token: String = ""
    public var clientPort: Int = 0
    public var peerPort: Int = 0
    /// `etcd.definition`: the file of a `stack: etcd` definition the
    /// cluster uses instead of an etcd of its own, as written (relative to
    /// the definition's own file).
    public var definition: String?
    /// `etcd.ca_dir`: with `etcd.endpoints` and TLS, where the CA the
    /// existing etcd trusts is kept on the deploying host.
    public var caDirectory: String?

    public init(token: String, clientPort: Int, peerPort: Int) {
        self.token = token
        self.clientPort = clientPort
        self.peerPort = peerPort
    }
}

/// `postgres:` — the database itself.
public struct PostgresSettings: Hashable, Sendable {
    public var version: Int = 0
    public var port: Int = 0
    public var superuser: String = ""
    public var replicationUser: String = ""
    /// patroni only: the user pg_rewind connects as.
    public var rewindUser: String = ""
    /// The network clients may connect from; nil means the nodes' own addresses.
    public var clientNetwork: String?

    public init(version: Int, port: Int, superuser: String,
                replicationUser: String, rewindUser: String) {
        self.version = version
        self.port = port
        self.superuser = superuser
        self.replicationUser = replicationUser
        self.rewindUser = rewindUser
    }
}

/// `patroni:` — REST API and DCS timings (patroni's documented defaults).
public struct PatroniSettings: Hashable, Sendable {
    public var restPort: Int = 0
    public var ttl: Int = 0
    public var loopWait: Int = 0
    public var retryTimeout: Int = 0
    /// The DCS key prefix (patroni's `namespace`).
    public var namespace: String = ""

    public init(restPort: Int, ttl: Int, loopWait: Int, retryTimeout: Int,
                namespace: String) {
        self.restPort = restPort
        self.ttl = ttl
        self.loopWait = loopWait
        self.retryTimeout = retryTimeout
        self.namespace = namespace
    }
}

/// `stolon:` — keeper, sentinel and proxy settings.
public struct StolonSettings: Hashable, Sendable {
    public var clusterName: String = ""
    public var proxyPort: Int = 0

    public init(clusterName: String, proxyPort: Int) {
        self.clusterName = clusterName
        self.proxyPort = proxyPort
    }
}

/// `haproxy:` — client routing to the primary (and replicas). Its
/// health-check timings are `.setting` keys (only haproxy.cfg reads them).
public struct HAProxySettings: Hashable, Sendable {
    public var port: Int = 0
    public var replicaPort: Int = 0
    public var statsPort: Int = 0
    /// Address the listeners bind to on every node; `nil` means the node's own address.
    public var bindAddress: String?
    /// Address of the statistics page; nil means the listeners' address.
    public var statsAddress: String?

    public init(port: Int, replicaPort: Int, statsPort: Int, bindAddress: String?) {
        self.port = port
        self.replicaPort = replicaPort
        self.statsPort = statsPort
        self.bindAddress = bindAddress
    }
}

/// `tls:` — the keys a Swift field holds; the others are `.setting` keys.
public struct TLSSettings: Hashable, Sendable {
    /// Where the CA and the issued certificates live on the deploying host;
    /// nil means `/var/opt/smfkit/<cluster>/ca`.
    public var caDirectory: String?

    public init(caDirectory: String?) {
        self.caDirectory = caDirectory
    }
}

/// A system account a service runs as.
public struct ServiceUser: Hashable, Sendable {
    public var name: String = ""
    public var uid: Int = 0
    public var group: String = ""
    public var gid: Int = 0

    public init(name: String, uid: Int, group: String, gid: Int) {
        self.name = name
        self.uid = uid
        self.group = group
        self.gid = gid
    }
}

/// `users:` — who each daemon runs as: one account per account key of
/// `DefinitionKeys` (its role), so a new account is one entry there.
public struct ServiceUsers: Hashable, Sendable {
    /// Each account under its key in `users:`.
    public var accounts: [String: ServiceUser] = [:]

    /// The account of `role`; a blank one for a role the table does not have.
    public subscript(role: String) -> ServiceUser {
        get { accounts[role] ?? ServiceUser(name: "", uid: 0, group: "", gid: 0) }
        set { accounts[role] = newValue }
    }

    // The walk-through's accounts by name, for code and tests that mean one of them.
    public var etcd: ServiceUser { get { self["etcd"] } set { self["etcd"] = newValue } }
    public var postgres: ServiceUser { get { self["postgres"] } set { self["postgres"] = newValue } }
    public var haproxy: ServiceUser { get { self["haproxy"] } set { self["haproxy"] = newValue } }
}

/// `paths:` — where binaries live and where data and configuration go on a
/// node. Defaults are Tribblix's; override them for OmniOS or a Linux host.
public struct InstallPaths: Hashable, Sendable {
    public var etcd: String = ""
    public var etcdctl: String = ""
    /// Directory holding postgres, initdb, pg_ctl, pg_rewind, …
    public var postgresBin: String = ""
    public var patroni: String = ""
    public var patronictl: String = ""
    /// Directory holding stolon-keeper, stolon-sentinel, stolon-proxy, stolonctl.
    public var stolonBin: String = ""
    public var haproxy: String = ""
    /// Where the daemons keep their data: `<data>/etcd/<node>`,
    /// `<data>/postgres/<node>/data`, …; also the services' working directory.
    public var data: String = ""
    /// PostgreSQL's own data: `<postgres_data>/<node>/data` (patroni),
    /// `<postgres_data>/<keeper>` (stolon); where a storage dataset mounts.
    public var postgresData: String = ""
    /// Where generated configuration (haproxy.cfg, patroni.yml) is installed.
    public var config: String = ""
    /// Where generated method scripts are installed.
    public var methods: String = ""

    public init(
        etcd: String,
        etcdctl: String,
        postgresBin: String,
        patroni: String,
        patronictl: String,
        stolonBin: String,
        haproxy: String,
        data: String,
        config: String,
        methods: String) {
        self.etcd = etcd
        self.etcdctl = etcdctl
        self.postgresBin = postgresBin
        self.patroni = patroni
        self.patronictl = patronictl
        self.stolonBin = stolonBin
        self.haproxy = haproxy
        self.data = data
        self.config = config
        self.methods = methods
    }
}

/// `secrets:` — paths of files on each node that hold passwords (mode 0600,
/// created by the deploy script when absent). Never the passwords themselves.
public struct SecretFiles: Hashable, Sendable {
    public var superuserPassword: String = ""
    public var replicationPassword: String = ""
    public var rewindPassword: String = ""

    public init(
        superuserPassword: String,
        replicationPassword: String,
        rewindPassword: String) {
        self.superuserPassword = superuserPassword
        self.replicationPassword = replicationPassword
        self.rewindPassword = rewindPassword
    }
}

/// `packaging:` — the Tribblix package and overlay that carry the cluster.
public struct Packaging: Hashable, Sendable {
    public var package: String = ""
    public var overlay: String = ""
    public var version: String = ""
    /// The overlay's integer `VERSION=`; zap downloads an overlay again when
    /// it changes, so bump it with every change.
    public var overlayVersion: Int = 0

    public init(package: String, overlay: String, version: String,
                overlayVersion: Int) {
        self.package = package
        self.overlay = overlay
        self.version = version
        self.overlayVersion = overlayVersion
    }
}

// Blank settings, which `ClusterDefinition(cluster:stack:nodes:)` fills
// with the defaults `DefinitionKeys` declares; not themselves a default.
extension EtcdSettings { init() {} }
extension PostgresSettings { init() {} }
extension PatroniSettings { init() {} }
extension StolonSettings { init() {} }
extension HAProxySettings { init() {} }
extension InstallPaths { init() {} }
extension SecretFiles { init() {} }
extension Packaging { init() {} }
extension TLSSettings { init() {} }
