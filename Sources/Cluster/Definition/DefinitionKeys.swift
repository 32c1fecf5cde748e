/// Every key of a cluster definition, in the order the documentation lists
/// them. Adding a setting is adding one entry here: the loader then reads it
/// with its position, the checks of its kind see it, templates see it under
/// its YAML path, and the documentation test asks for its row in
/// docs/cluster-definition.md. A key Swift code reads fills a field of
/// `Settings.swift` (`.int(\.etcd.clientPort, …)`); one only templates read
/// is a `.setting(default:)` and needs no field.
public enum DefinitionKeys {
    public static let all: [DefinitionKey] = [
        .init("cluster", .name, .required(\.cluster), "The cluster's name: patroni's scope, and how generated files name the cluster."),
        .init("stack", .stack, .stack,
              "What runs: patroni or stolon (PostgreSQL under that HA manager), etcd (the etcd cluster alone), or replication (PostgreSQL streaming replication alone)."),
        .init("nodes", .nodes, .nodes, "The zones (or hosts) of the cluster, each running the daemons of its roles."),
        .init("hosts", .hosts, .hosts,
              "The machines the zones are on, each deployed by its own script; none: every zone on the host that runs deploy.sh."),

        .init("etcd.token", .name, .string(\.etcd.token, default: "pg-cluster-1"), "etcd's --initial-cluster-token."),
        .init("etcd.client_port", .port, .int(\.etcd.clientPort, default: 2379), "Port of etcd's client URLs."),
        .init("etcd.peer_port", .port, .int(\.etcd.peerPort, default: 2380), "Port of etcd's peer URLs."),
        // Only etcd's start method reads these (cluster.etcd.timing checks them).
        .init("etcd.heartbeat_interval", .positive, .setting(default: .int(100)),
              "Milliseconds between the etcd leader's heartbeats (--heartbeat-interval)."),
        .init("etcd.election_timeout", .positive, .setting(default: .int(1000)),
              "Milliseconds an etcd member waits for a heartbeat before calling an election (--election-timeout)."),
        // An etcd the cluster does not define (ExternalEtcd.swift): its
        // members are then not nodes of this definition.
        .init("etcd.endpoints", .endpoints, .setting(default: .strings([])),
              "The client URLs of an existing etcd cluster to use instead of one of the cluster's own."),
        .init("etcd.ca_dir", .path, .optional(\.etcd.caDirectory, shown: "none"),
              "With etcd.endpoints and TLS: the directory on the deploying host of the CA (ca.crt, ca.key) that etcd trusts."),
        .init("etcd.definition", .definitionFile, .optional(\.etcd.definition, shown: "none: the cluster's own etcd"),
              "A stack: etcd definition (path relative to this file) whose etcd cluster to use instead of one of its own."),

        .init("postgres.version", .integer, .int(\.postgres.version, default: 17), "The PostgreSQL major version."),
        .init("postgres.port", .port, .int(\.postgres.port, default: 5432), "The port PostgreSQL listens on."),
        .init("postgres.superuser", .name, .string(\.postgres.superuser, default: "postgres"), "The database superuser."),
        .init("postgres.replication_user", .name, .string(\.postgres.replicationUser, default: "replicator"),
              "The replication user."),
        .init("postgres.rewind_user", .name, .string(\.postgres.rewindUser, default: "rewind_user"),
              "patroni only: the user pg_rewind connects as."),
        .init("postgres.client_network", .network,
              .optional(\.postgres.clientNetwork, shown: "the nodes' own addresses"),
              "The network clients may connect from (pg_hba hostssl, scram-sha-256)."),

        .init("patroni.rest_port", .port, .int(\.patroni.restPort, default: 8008), "patroni's REST API port."),
        // Measured in docs/failover.md: a crashed leader is replaced after
        // ttl − loop_wait … ttl seconds; patroni's defaults (30, 10, 10) took 22–32 s.
        .init("patroni.ttl", .positive, .int(\.patroni.ttl, default: 12), "Seconds the leader key lives (DCS ttl)."),
        .init("patroni.loop_wait", .positive, .int(\.patroni.loopWait, default: 2), "Seconds between HA loops."),
        .init("patroni.retry_timeout", .positive, .int(\.patroni.retryTimeout, default: 5),
              "Seconds patroni retries etcd and PostgreSQL operations."),
        // Only patroni.yml reads these. Synchronous by default: patroni then
        // promotes only the synchronous standby, so an acknowledged commit is
        // never lost in a failover (docs/failover.md); not strict, so writes go
        // on (asynchronously) while no standby is healthy.
        .init("patroni.synchronous_mode", .boolean, .setting(default: .bool(true)),
              "Commits wait for one standby, and only that standby may be promoted (no acknowledged write lost)."),
        .init("patroni.synchronous_mode_strict", .boolean, .setting(default: .bool(false)),
              "Writes block while no standby is synchronous, instead of going on asynchronously."),
        .init("patroni.namespace", .name, .string(\.patroni.namespace, default: "/service/"), "The key prefix in etcd."),
        // Only patroni's start method and the docs' patronictl command read it.
        .init("patroni.rest_user", .name, .setting(default: .string("patroni")),
              "The user name the REST API asks for on state-changing requests."),

        .init("stolon.cluster_name", .name, .string(\.stolon.clusterName, default: "stolon-cluster"),
              "--cluster-name of every stolon daemon."),
        .init("stolon.proxy_port", .port, .int(\.stolon.proxyPort, default: 25432), "The port stolon-proxy listens on."),

        // stack: replication alone reads these (docs/cluster-definition.md, "Streaming replication").
        .init("replication.primary", .name, .optional(\.replication.primary, shown: "none; stack: replication needs one"),
              "replication only: the node that initialises the database and that every other node clones and streams from."),
        // Off by default, as in the seed; the docs say what that can lose.
        .init("replication.synchronous", .boolean, .setting(default: .bool(false)),
              "replication only: a commit waits until one standby has flushed it (synchronous_standby_names = 'ANY 1 (…)')."),
        // wal_keep_segments is gone since PostgreSQL 13 (replication-linux.md §1.2).
        .init("replication.wal_keep_size", .name, .setting(default: .string("256MB")),
              "replication only: WAL the primary keeps for a standby that falls behind (wal_keep_size)."),

        .init("haproxy.port", .port, .int(\.haproxy.port, default: 5000), "Clients reach the primary here."),
        .init("haproxy.replica_port", .port, .int(\.haproxy.replicaPort, default: 5001), "Clients reach the replicas here."),
        .init("haproxy.stats_port", .port, .int(\.haproxy.statsPort, default: 7000), "haproxy's statistics page."),
        .init("haproxy.bind_address", .address, .optional(\.haproxy.bindAddress, shown: "each node's own address"),
              "The address haproxy's listeners bind to on every node."),
        .init("haproxy.stats_address", .address, .optional(\.haproxy.statsAddress, shown: "the listeners' address"),
              "The address haproxy's statistics page binds to on every node."),
        .init("haproxy.stats_user", .name, .setting(default: .string("stats")),
              "The user name the statistics page asks for."),
        // Only haproxy.cfg reads these: entries, no fields. Measured in
        // docs/failover.md: after a clean stop clients wait for the new
        // leader plus up to rise × check_interval; 3 s, 3, 2 made that 8–9 s.
        .init("haproxy.check_interval", .positive, .setting(default: .int(1)), "Seconds between health checks."),
        .init("haproxy.fall", .positive, .setting(default: .int(2)), "Failed checks before a server is down."),
        .init("haproxy.rise", .positive, .setting(default: .int(1)), "Passed checks before a server is up."),
        .init("haproxy.on_marked_down", .name, .setting(default: .string("shutdown-sessions")),
              "What happens to a down server's open sessions: shutdown-sessions or keep-sessions."),
        // Only haproxy.cfg reads these limits; the defaults are what it always had.
        .init("haproxy.maxconn", .positive, .setting(default: .int(100)),
              "Connections haproxy accepts at once on a node, in all (global maxconn)."),
        .init("haproxy.server_maxconn", .positive, .setting(default: .int(100)),
              "Connections haproxy opens to each PostgreSQL server (server maxconn)."),
        .init("haproxy.timeout_client", .duration, .setting(default: .string("30m")),
              "How long a client connection may stay idle (timeout client)."),
        .init("haproxy.timeout_server", .duration, .setting(default: .string("30m")),
              "How long a server connection may stay idle (timeout server)."),
        .init("haproxy.timeout_connect", .duration, .setting(default: .string("4s")),
              "How long haproxy waits to connect to a server (timeout connect)."),
        .init("haproxy.timeout_check", .duration, .setting(default: .string("5s")),
              "How long a health check may take once connected (timeout check)."),

        .init("users.etcd", .account,
              .account(default: ServiceUser(name: "etcd", uid: 11798, group: "etcd", gid: 11798)),
              "Runs the etcd members."),
        .init("users.postgres", .account,
              .account(default: ServiceUser(name: "pguser", uid: 11799, group: "pguser", gid: 11799)),
              "Runs PostgreSQL and its manager."),
        // Tribblix's own haproxy account (User.txt), which TRIBblix-haproxy2 creates.
        .init("users.haproxy", .account,
              .account(default: ServiceUser(name: "haproxy", uid: 126, group: "haproxy", gid: 126)),
              "Runs haproxy."),

        .init("paths.etcd", .path, .string(\.paths.etcd, default: "/opt/tribblix/etcd/bin/etcd"), "The etcd binary."),
        .init("paths.etcdctl", .path, .string(\.paths.etcdctl, default: "/opt/tribblix/etcd/bin/etcdctl"),
              "etcd's command-line client."),
        // The PostgreSQL binaries follow the major version unless placed explicitly.
        .init("paths.postgres_bin", .path,
              .derived(\.paths.postgresBin, shown: "/opt/tribblix/postgres<postgres.version>/bin") {
                  "/opt/tribblix/postgres\($0.postgres.version)/bin"
              },
              "Directory of postgres, initdb, pg_ctl, pg_rewind."),
        // TRIBpatroni-python-313 links patroni and patronictl into /usr/bin.
        .init("paths.patroni", .path, .string(\.paths.patroni, default: "/usr/bin/patroni"), "The patroni daemon."),
        .init("paths.patronictl", .path, .string(\.paths.patronictl, default: "/usr/bin/patronictl"),
              "patroni's command-line client."),
        .init("paths.stolon_bin", .path, .string(\.paths.stolonBin, default: "/opt/tribblix/stolon/bin"),
              "Directory of the stolon binaries."),
        // TRIBblix-haproxy2 installs under /opt/tribblix/haproxy.
        .init("paths.haproxy", .path, .string(\.paths.haproxy, default: "/opt/tribblix/haproxy/sbin/haproxy"),
              "The haproxy binary."),
        // Tribblix's layout (reference/tribblix-host.md §3.3): what a package
        // runs from under /opt/tribblix/<app>, state in /var/<app>,
        // configuration in /etc/<app>; no Tribblix package uses /etc/opt
        // or /var/opt.
        .init("paths.data", .path, .string(\.paths.data, default: "/var/pgha"),
              "Where the daemons keep their data; the accounts' home and the services' working directory."),
        // PostgreSQL's data alone, so that it can sit on a dataset of its own (storage.dataset).
        .init("paths.postgres_data", .path,
              .derived(\.paths.postgresData, shown: "<paths.data>/postgres") { "\($0.paths.data)/postgres" },
              "Where PostgreSQL keeps its data (each node's data directory and TLS files); where storage.dataset mounts."),
        .init("paths.config", .path, .string(\.paths.config, default: "/etc/pgha"),
              "Where generated configuration is installed."),
        .init("paths.methods", .path, .string(\.paths.methods, default: "/opt/tribblix/pgha/bin"),
              "Where generated method scripts are installed."),

        // Only deploy.sh and the storage checks read these (docs/cluster-definition.md, "Storage").
        .init("storage.dataset", .name, .optional(\.storage.dataset, shown: "none"),
              "The ZFS dataset (pool/path) under which each node gets <dataset>/<node> for PostgreSQL's data."),
        .init("storage.attach", .name, .setting(default: .string("lofs")),
              "How the dataset reaches the zone: lofs (mounted in the global zone, lofs-mounted in) or delegate."),
        .init("storage.recordsize", .name, .setting(default: .string("32k")),
              "ZFS recordsize of each node's dataset."),
        .init("storage.compression", .name, .setting(default: .string("lz4")),
              "ZFS compression of each node's dataset."),
        .init("storage.logbias", .name, .setting(default: .string("latency")),
              "ZFS logbias of each node's dataset: latency or throughput."),

        .init("secrets.superuser_password", .secretPath,
              .string(\.secrets.superuserPassword, default: "/etc/pgha/secrets/superuser-password"),
              "The file holding the superuser's password."),
        .init("secrets.replication_password", .secretPath,
              .string(\.secrets.replicationPassword, default: "/etc/pgha/secrets/replication-password"),
              "The file holding the replication user's password."),
        .init("secrets.rewind_password", .secretPath,
              .string(\.secrets.rewindPassword, default: "/etc/pgha/secrets/rewind-password"),
              "The file holding the rewind user's password."),

        // Only patroni's and haproxy's start methods read these.
        .init("secrets.rest_password", .secretPath, .setting(default: .string("/etc/pgha/secrets/rest-password")),
              "patroni only: the file holding the REST API's password."),
        .init("secrets.stats_password", .secretPath, .setting(default: .string("/etc/pgha/secrets/stats-password")),
              "patroni only: the file holding the password of haproxy's statistics page."),
        .init("secrets.etcd_password", .secretPath, .setting(default: .string("/etc/pgha/secrets/etcd-password")),
              "patroni only, on an existing etcd with TLS: the file holding the password of the cluster's etcd user."),

        // Only the certificate script and the TLS settings of the templates read these.
        .init("tls.enabled", .boolean, .setting(default: .bool(true)),
              "Whether every connection of the cluster uses TLS with client certificates."),
        .init("tls.key_type", .name, .setting(default: .string("ecdsa-p256")),
              "The key of every certificate: ecdsa-p256 or rsa-3072."),
        .init("tls.validity_days", .positive, .setting(default: .int(825)), "Days a node or client certificate is valid."),
        .init("tls.renew_days", .positive, .setting(default: .int(30)),
              "A certificate expiring within this many days is re-issued when the certificate script runs."),
        .init("tls.extra_sans", .subjectNames, .setting(default: .strings([])),
              "Addresses or DNS names every node certificate also carries."),
        .init("tls.ca_dir", .path, .optional(\.tls.caDirectory, shown: "/var/opt/smfkit/<cluster>/ca"),
              "Where the cluster's CA and the issued certificates are kept on the deploying host."),

        .init("packaging.package", .name, .string(\.packaging.package, default: "TRIBblix-pgha"), "The SVR4 package name."),
        .init("packaging.overlay", .name, .string(\.packaging.overlay, default: "pgha"), "The Tribblix overlay id."),
        .init("packaging.version", .version, .string(\.packaging.version, default: "1.0.0"), "The package version."),
        .init("packaging.overlay_version", .positive, .int(\.packaging.overlayVersion, default: 1),
              "The overlay's VERSION=; bump it whenever the cluster changes."),
    ]

    /// The mappings of the definition in document order, "" for the top level.
    public static var sections: [String] {
        var result = [""]
        for key in all where !result.contains(key.section) { result.append(key.section) }
        return result
    }

    /// The keys a mapping may hold: the top level's sections and required
    /// keys, or one section's own keys.
    public static func keys(in section: String) -> [String] {
        guard section.isEmpty else { return all.filter { $0.section == section }.map(\.name) }
        var names: [String] = []
        for key in all {
            let first = String(key.path.split(separator: ".").first ?? "")
            if !names.contains(first) { names.append(first) }
        }
        return names
    }

    /// The keys of `kind`.
    static func of(_ kinds: ValueKind...) -> [DefinitionKey] { all.filter { kinds.contains($0.kind) } }
}

extension ClusterDefinition {
    /// A definition of `cluster`, `stack` and `nodes` with every other key
    /// at its default from `DefinitionKeys`.
    public init(cluster: String, stack: Stack, nodes: [Node]) {
        self.init(blankCluster: cluster, stack: stack, nodes: nodes)
        for key in DefinitionKeys.all { applyDefault(of: key) }
        for key in DefinitionKeys.all { applyDerivedDefault(of: key) }
    }

    mutating func applyDefault(of key: DefinitionKey) {
        switch key.slot {
        case .int(let keyPath, let value): self[keyPath: keyPath] = value
        case .string(let keyPath, let value): self[keyPath: keyPath] = value
        case .optional(let keyPath, _): self[keyPath: keyPath] = nil
        case .account(let user): users[key.name] = user
        case .setting(let value): settings[key.path] = value
        case .required, .stack, .nodes, .hosts, .derived: break
        }
    }

    /// Defaults that follow other values; applied after them.
    mutating func applyDerivedDefault(of key: DefinitionKey) {
        if case .derived(let keyPath, _, let value) = key.slot { self[keyPath: keyPath] = value(self) }
    }
}
