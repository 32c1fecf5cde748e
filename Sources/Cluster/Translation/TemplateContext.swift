/// The values templates see: the definition under its YAML key names, plus a
/// few derived ones every daemon needs in the same form (URLs with IPv6
/// brackets, the etcd member list). Built once per generation; `node(_:)`
/// adds the node being rendered.
struct TemplateContext {
    let definition: ClusterDefinition
    let base: [String: Any]

    init(_ definition: ClusterDefinition, serviceFMRIs: (Node) -> [String] = { _ in [] }) {
        self.definition = definition
        let d = definition
        let nodes = d.nodes.enumerated().map { index, node in
            Self.nodeValues(node, index: index, definition: d, fmris: serviceFMRIs(node))
        }
        base = [
            "cluster": d.cluster,
            "stack": d.stack.rawValue,
            "patroni_stack": d.stack == .patroni,
            "stolon_stack": d.stack == .stolon,
            "nodes": nodes,
            "first_node": nodes.first ?? [:],
            "hba_networks": Self.hbaNetworks(d.nodes),
            "etcd": [
                "token": d.etcd.token,
                "client_port": d.etcd.clientPort,
                "peer_port": d.etcd.peerPort,
                "initial_cluster": d.nodes.map { "\($0.name)=http://\(Self.urlHost($0.address)):\(d.etcd.peerPort)" }
                    .joined(separator: ","),
                "endpoints": d.nodes.map { "http://\(Self.urlHost($0.address)):\(d.etcd.clientPort)" }
                    .joined(separator: ","),
                "hosts": d.nodes.map { "\(Self.urlHost($0.address)):\(d.etcd.clientPort)" }.joined(separator: ","),
            ] as [String: Any],
            "postgres": [
                "version": d.postgres.version,
                "port": d.postgres.port,
                "superuser": d.postgres.superuser,
                "replication_user": d.postgres.replicationUser,
                "rewind_user": d.postgres.rewindUser,
            ] as [String: Any],
            "patroni": [
                "rest_port": d.patroni.restPort,
                "ttl": d.patroni.ttl,
                "loop_wait": d.patroni.loopWait,
                "retry_timeout": d.patroni.retryTimeout,
                "namespace": d.patroni.namespace,
            ] as [String: Any],
            "stolon": ["cluster_name": d.stolon.clusterName, "proxy_port": d.stolon.proxyPort] as [String: Any],
            "haproxy": [
                "port": d.haproxy.port,
                "replica_port": d.haproxy.replicaPort,
                "stats_port": d.haproxy.statsPort,
                "check_interval": d.haproxy.checkInterval,
                "fall": d.haproxy.fall,
                "rise": d.haproxy.rise,
            ] as [String: Any],
            "users": [
                "etcd": Self.userValues(d.users.etcd),
                "postgres": Self.userValues(d.users.postgres),
                "haproxy": Self.userValues(d.users.haproxy),
            ],
            "paths": [
                "etcd": d.paths.etcd,
                "etcdctl": d.paths.etcdctl,
                "postgres_bin": d.paths.postgresBin,
                "patroni": d.paths.patroni,
                "patronictl": d.paths.patronictl,
                "stolon_bin": d.paths.stolonBin,
                "haproxy": d.paths.haproxy,
                "data": d.paths.data,
                "config": d.paths.config,
                "methods": d.paths.methods,
            ],
            "secrets": [
                "superuser_password": d.secrets.superuserPassword,
                "replication_password": d.secrets.replicationPassword,
                "rewind_password": d.secrets.rewindPassword,
            ],
            "packaging": [
                "package": d.packaging.package,
                "overlay": d.packaging.overlay,
                "version": d.packaging.version,
            ],
        ]
    }

    /// The context with `node` set to the values of the node at `index`.
    func node(at index: Int) -> [String: Any] {
        var values = base
        values["node"] = Self.nodeValues(definition.nodes[index], index: index, definition: definition, fmris: [])
        return values
    }

    private static func nodeValues(_ node: Node, index: Int, definition d: ClusterDefinition, fmris: [String])
        -> [String: Any]
    {
        let host = urlHost(node.address)
        let bind = d.haproxy.bindAddress ?? node.address
        return [
            "name": node.name,
            "address": node.address,
            "keeper_id": node.keeperID,
            "index": index,
            "url_host": host,
            // haproxy takes `ipv6@` before an IPv6 address in `bind`.
            "haproxy_bind": bind.contains(":") ? "ipv6@\(bind)" : bind,
            "fmris": fmris,
        ]
    }

    private static func userValues(_ user: ServiceUser) -> [String: Any] {
        ["name": user.name, "uid": user.uid, "group": user.group, "gid": user.gid]
    }

    /// An address as it goes into a URL or `host:port`: IPv6 in brackets.
    static func urlHost(_ address: String) -> String {
        address.contains(":") ? "[\(address)]" : address
    }

    /// The networks pg_hba admits for replication and clients: each node's
    /// own address, except that loopback nodes admit the whole loopback
    /// network, because Linux picks 127.0.0.1 as the source address of
    /// connections between loopback addresses (hapg-linux.md §7.5).
    static func hbaNetworks(_ nodes: [Node]) -> [String] {
        var networks: [String] = []
        for node in nodes {
            let network: String
            if node.address.hasPrefix("127.") {
                network = "127.0.0.0/8"
            } else if node.address.contains(":") {
                network = node.address == "::1" ? "::1/128" : "\(node.address)/128"
            } else {
                network = "\(node.address)/32"
            }
            if !networks.contains(network) { networks.append(network) }
        }
        return networks
    }
}
