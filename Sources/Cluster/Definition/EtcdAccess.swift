/// What confines a PostgreSQL cluster to its own keys in an etcd it shares
/// with other clusters (`etcd.definition`, `etcd.endpoints`), with TLS on:
/// an etcd role with read and write permission on the cluster's key prefix
/// only, and the etcd users its daemons and its operator are, each granted
/// that role alone. The `stack: etcd` cluster's deploy turns etcd's
/// authentication on (`ClusterDefinition.enablesEtcdAuth`); each cluster's
/// deploy makes its own role and users, as etcd's `root`.
///
/// etcd with `--client-cert-auth` takes a gRPC client's user from its
/// certificate's common name, so each certificate a cluster issues for etcd
/// names a user of its own: the role's name, a dot, the node's name. Such
/// names can meet across clusters (`service.orders.orders1` is orders'
/// node orders1 and the password user of a cluster orders1 under the
/// namespace `/service.orders/`), and one prefix can hold another's:
/// `cluster.etcd.shared-scope` refuses both. patroni talks
/// to etcd through etcd's JSON gateway, which refuses a certificate with a
/// common name once authentication is on ("CommonName of client sending a
/// request against gateway will be ignored and not used as expected"):
/// patroni presents a certificate without one and logs in with a password.
public struct EtcdAccess: Hashable, Sendable {
    /// The etcd role: the key prefix's parts joined by dots (`service.orders`).
    public var role: String
    /// The key prefixes the role may read and write.
    public var prefixes: [String]
    /// patroni only: the user it logs in as with the `etcd` password.
    public var passwordUser: String?

    /// The etcd user of the certificate whose file is `name` (a node, admin).
    public func certificateUser(_ name: String) -> String { "\(role).\(name)" }
}

extension ClusterDefinition {
    /// The key prefixes a patroni or stolon cluster keeps its keys under:
    /// patroni's `/<namespace>/<cluster>/`; stolon's etcdv3 store's
    /// `stolon/cluster/<name>/`, and the slashed form deploy.sh also reads
    /// (stolon_initialised). nil for the other stacks.
    public var etcdKeyPrefixes: [String]? {
        switch stack {
        case .patroni:
            let parts = patroni.namespace.split(separator: "/").map(String.init) + [cluster]
            return ["/" + parts.joined(separator: "/") + "/"]
        case .stolon:
            let prefix = "stolon/cluster/\(stolon.clusterName)/"
            return [prefix, "/" + prefix]
        case .etcd, .replication:
            return nil
        }
    }

    /// The role and users of a patroni or stolon cluster on a shared etcd
    /// with TLS; nil otherwise (without TLS nothing tells etcd who a client is).
    /// The role is the key prefix with dots for slashes.
    public var etcdAccess: EtcdAccess? {
        guard tlsEnabled, externalEtcd != nil, let prefixes = etcdKeyPrefixes else { return nil }
        let role = prefixes[0].split(separator: "/").joined(separator: ".")
        return EtcdAccess(role: role, prefixes: prefixes, passwordUser: stack == .patroni ? role : nil)
    }

    /// The etcd users of the cluster's certificates: each node whose zone
    /// presents its own (`usesNodeCertificate`), and the operator's admin.
    public var etcdCertificateUsers: [String] {
        guard let access = etcdAccess else { return [] }
        return (nodes.filter(usesNodeCertificate).map(\.name) + ["admin"]).map(access.certificateUser)
    }

    /// Every etcd user the cluster's deploy makes: its certificates' and
    /// patroni's password login.
    public var etcdUsers: [String] {
        etcdCertificateUsers + (etcdAccess?.passwordUser.map { [$0] } ?? [])
    }

    /// Whether `node`'s zone gets its own key and certificate, because a
    /// daemon there presents it: etcd, PostgreSQL and its manager (patroni,
    /// or stolon's keeper, sentinel and proxy, which run as PostgreSQL's
    /// account). A patroni node that runs haproxy alone presents haproxy's
    /// certificate, not its own: its key stays on the deploying host, and
    /// on a shared etcd it names no etcd user.
    public func usesNodeCertificate(_ node: Node) -> Bool {
        switch stack {
        case .patroni: runs(.etcd, on: node) || runs(.postgres, on: node)
        case .stolon, .etcd, .replication: true
        }
    }

    /// A `stack: etcd` cluster with TLS: its deploy makes etcd's `root` user
    /// (known by its certificate alone) and turns authentication on.
    public var enablesEtcdAuth: Bool { stack == .etcd && tlsEnabled }
}
