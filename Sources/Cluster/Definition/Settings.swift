/// `etcd:` — the distributed configuration store, one member per node.
public struct EtcdSettings: Hashable, Sendable {
    public var token: String = "pg-cluster-1"
    public var clientPort: Int = 2379
    public var peerPort: Int = 2380

    public init(token: String = "pg-cluster-1", clientPort: Int = 2379, peerPort: Int = 2380) {
        self.token = token
        self.clientPort = clientPort
        self.peerPort = peerPort
    }
}

/// `postgres:` — the database itself.
public struct PostgresSettings: Hashable, Sendable {
    public var version: Int
    public var port: Int
    public var superuser: String
    public var replicationUser: String
    /// patroni only: the user pg_rewind connects as.
    public var rewindUser: String

    public init(version: Int = 17, port: Int = 5432, superuser: String = "postgres",
                replicationUser: String = "replicator", rewindUser: String = "rewind_user") {
        self.version = version
        self.port = port
        self.superuser = superuser
        self.replicationUser = replicationUser
        self.rewindUser = rewindUser
    }
}

/// `patroni:` — REST API and DCS timings (patroni's documented defaults).
public struct PatroniSettings: Hashable, Sendable {
    public var restPort: Int
    public var ttl: Int
    public var loopWait: Int
    public var retryTimeout: Int
    /// The DCS key prefix (patroni's `namespace`).
    public var namespace: String

    public init(restPort: Int = 8008, ttl: Int = 30, loopWait: Int = 10, retryTimeout: Int = 10,
                namespace: String = "/service/") {
        self.restPort = restPort
        self.ttl = ttl
        self.loopWait = loopWait
        self.retryTimeout = retryTimeout
        self.namespace = namespace
    }
}

/// `stolon:` — keeper, sentinel and proxy settings.
public struct StolonSettings: Hashable, Sendable {
    public var clusterName: String
    public var proxyPort: Int

    public init(clusterName: String = "stolon-cluster", proxyPort: Int = 25432) {
        self.clusterName = clusterName
        self.proxyPort = proxyPort
    }
}

/// `haproxy:` — client routing to the primary (and replicas), health-check timings.
public struct HAProxySettings: Hashable, Sendable {
    public var port: Int
    public var replicaPort: Int
    public var statsPort: Int
    /// Address the listeners bind to on every node; `nil` means the node's own address.
    public var bindAddress: String?
    /// Seconds between health checks (`inter`).
    public var checkInterval: Int
    /// Failed checks before a server is marked down.
    public var fall: Int
    /// Passed checks before a server is marked up.
    public var rise: Int

    public init(port: Int = 5000, replicaPort: Int = 5001, statsPort: Int = 7000, bindAddress: String? = nil,
                checkInterval: Int = 3, fall: Int = 3, rise: Int = 2) {
        self.port = port
        self.replicaPort = replicaPort
        self.statsPort = statsPort
        self.bindAddress = bindAddress
        self.checkInterval = checkInterval
        self.fall = fall
        self.rise = rise
    }
}

/// A system account a service runs as.
public struct ServiceUser: Hashable, Sendable {
    public var name: String
    public var uid: Int
    public var group: String
    public var gid: Int

    public init(name: String, uid: Int, group: String, gid: Int) {
        self.name = name
        self.uid = uid
        self.group = group
        self.gid = gid
    }
}

/// `users:` — who each daemon runs as. Defaults from the walk-through.
public struct ServiceUsers: Hashable, Sendable {
    public var etcd: ServiceUser
    public var postgres: ServiceUser
    public var haproxy: ServiceUser

    public init(
        etcd: ServiceUser = ServiceUser(name: "etcd", uid: 11798, group: "etcd", gid: 11798),
        postgres: ServiceUser = ServiceUser(name: "pguser", uid: 11799, group: "pguser", gid: 11799),
        // Tribblix's own haproxy account (User.txt), which TRIBblix-haproxy2 creates.
        haproxy: ServiceUser = ServiceUser(name: "haproxy", uid: 126, group: "haproxy", gid: 126)
    ) {
        self.etcd = etcd
        self.postgres = postgres
        self.haproxy = haproxy
    }
}

/// `paths:` — where binaries live and where data and configuration go on a
/// node. Defaults are Tribblix's; override them for OmniOS or a Linux host.
public struct InstallPaths: Hashable, Sendable {
    public var etcd: String
    public var etcdctl: String
    /// Directory holding postgres, initdb, pg_ctl, pg_rewind, …
    public var postgresBin: String
    public var patroni: String
    public var patronictl: String
    /// Directory holding stolon-keeper, stolon-sentinel, stolon-proxy, stolonctl.
    public var stolonBin: String
    public var haproxy: String
    /// Where the daemons keep their data: `<data>/etcd/<node>`,
    /// `<data>/postgres/<node>/data`, …; also the services' working directory.
    public var data: String
    /// Where generated configuration (haproxy.cfg, patroni.yml) is installed.
    public var config: String
    /// Where generated method scripts are installed.
    public var methods: String

    public init(
        etcd: String = "/opt/tribblix/etcd/bin/etcd",
        etcdctl: String = "/opt/tribblix/etcd/bin/etcdctl",
        postgresBin: String = "/opt/tribblix/postgres17/bin",
        // TRIBpatroni-python-313 links patroni and patronictl into /usr/bin.
        patroni: String = "/usr/bin/patroni",
        patronictl: String = "/usr/bin/patronictl",
        stolonBin: String = "/opt/tribblix/stolon/bin",
        // TRIBblix-haproxy2 installs under /opt/tribblix/haproxy.
        haproxy: String = "/opt/tribblix/haproxy/sbin/haproxy",
        data: String = "/var/opt/pgha",
        config: String = "/etc/opt/pgha",
        methods: String = "/opt/pgha/lib/svc/method"
    ) {
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
    public var superuserPassword: String
    public var replicationPassword: String
    public var rewindPassword: String

    public init(
        superuserPassword: String = "/etc/opt/pgha/secrets/superuser-password",
        replicationPassword: String = "/etc/opt/pgha/secrets/replication-password",
        rewindPassword: String = "/etc/opt/pgha/secrets/rewind-password"
    ) {
        self.superuserPassword = superuserPassword
        self.replicationPassword = replicationPassword
        self.rewindPassword = rewindPassword
    }
}

/// `packaging:` — the Tribblix package and overlay that carry the cluster.
public struct Packaging: Hashable, Sendable {
    public var package: String
    public var overlay: String
    public var version: String
    /// The overlay's integer `VERSION=`; zap downloads an overlay again when
    /// it changes, so bump it with every change.
    public var overlayVersion: Int

    public init(package: String = "TRIBblix-pgha", overlay: String = "pgha", version: String = "1.0.0",
                overlayVersion: Int = 1) {
        self.package = package
        self.overlay = overlay
        self.version = version
        self.overlayVersion = overlayVersion
    }
}
