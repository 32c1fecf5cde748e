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
/// names a user of its own: the role's name, a dot, the node's name (node
/// names have no dot, so no two clusters' users can be one). patroni talks
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
    /// The role and users of a patroni or stolon cluster on a shared etcd
    /// with TLS; nil otherwise (without TLS nothing tells etcd who a client is).
    public var etcdAccess: EtcdAccess? {
        guard tlsEnabled, externalEtcd != nil else { return nil }
        switch stack {
        case .patroni:
            let parts = patroni.namespace.split(separator: "/").map(String.init) + [cluster]
            let role = parts.joined(separator: ".")
            return EtcdAccess(role: role, prefixes: ["/" + parts.joined(separator: "/") + "/"], passwordUser: role)
        case .stolon:
            // stolon's etcdv3 store keeps a cluster's keys under
            // stolon/cluster/<name>/; deploy.sh also reads the slashed form
            // (stolon_initialised), so the role covers both.
            let prefix = "stolon/cluster/\(stolon.clusterName)/"
            return EtcdAccess(role: "stolon.cluster.\(stolon.clusterName)", prefixes: [prefix, "/" + prefix],
                              passwordUser: nil)
        case .etcd, .replication:
            return nil
        }
    }

    /// A `stack: etcd` cluster with TLS: its deploy makes etcd's `root` user
    /// (known by its certificate alone) and turns authentication on.
    public var enablesEtcdAuth: Bool { stack == .etcd && tlsEnabled }
}
