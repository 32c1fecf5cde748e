/// The values of a definition grouped the way checks look at them, each with
/// the source-map path it was written at.
extension ClusterDefinition {
    /// Every string value that ends up in a manifest, a command line, a
    /// method token or a config file.
    var stringValues: [(path: String, value: String)] {
        var values: [(String, String)] = [("cluster", cluster)]
        for (index, node) in nodes.enumerated() {
            values += [("nodes[\(index)].name", node.name), ("nodes[\(index)].address", node.address),
                       ("nodes[\(index)].keeper_id", node.keeperID)]
        }
        values += [
            ("etcd.token", etcd.token),
            ("postgres.superuser", postgres.superuser),
            ("postgres.replication_user", postgres.replicationUser),
            ("postgres.rewind_user", postgres.rewindUser),
            ("patroni.namespace", patroni.namespace),
            ("stolon.cluster_name", stolon.clusterName),
        ]
        if let bind = haproxy.bindAddress { values.append(("haproxy.bind_address", bind)) }
        for (key, user) in serviceUsers {
            values += [("users.\(key).name", user.name), ("users.\(key).group", user.group)]
        }
        values += filePaths
        values += [("packaging.package", packaging.package), ("packaging.overlay", packaging.overlay),
                   ("packaging.version", packaging.version)]
        return values
    }

    /// Every path on a node: binaries, data, configuration, secret files.
    var filePaths: [(path: String, value: String)] {
        [
            ("paths.etcd", paths.etcd), ("paths.etcdctl", paths.etcdctl), ("paths.postgres_bin", paths.postgresBin),
            ("paths.patroni", paths.patroni), ("paths.patronictl", paths.patronictl),
            ("paths.stolon_bin", paths.stolonBin), ("paths.haproxy", paths.haproxy), ("paths.data", paths.data),
            ("paths.config", paths.config), ("paths.methods", paths.methods),
            ("secrets.superuser_password", secrets.superuserPassword),
            ("secrets.replication_password", secrets.replicationPassword),
            ("secrets.rewind_password", secrets.rewindPassword),
        ]
    }

    /// Every port number, whether or not the stack listens on it.
    var ports: [(path: String, value: Int)] {
        [
            ("etcd.client_port", etcd.clientPort), ("etcd.peer_port", etcd.peerPort), ("postgres.port", postgres.port),
            ("patroni.rest_port", patroni.restPort), ("stolon.proxy_port", stolon.proxyPort),
            ("haproxy.port", haproxy.port), ("haproxy.replica_port", haproxy.replicaPort),
            ("haproxy.stats_port", haproxy.statsPort),
        ]
    }

    var serviceUsers: [(key: String, user: ServiceUser)] {
        [("etcd", users.etcd), ("postgres", users.postgres), ("haproxy", users.haproxy)]
    }
}
