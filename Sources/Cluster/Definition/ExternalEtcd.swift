/// An etcd cluster a PostgreSQL cluster uses without defining it, so that
/// one etcd serves many PostgreSQL clusters, each under its own scope
/// (patroni's namespace and scope, stolon's cluster name). It comes from
/// `etcd.endpoints` (client URLs) or from `etcd.definition`, a `stack: etcd`
/// definition whose members, client port and TLS settings it reads.
///
/// Then the cluster has no etcd of its own: no node has the etcd role, no
/// etcd service, instance, account or package is generated, and patroni's
/// and stolon's endpoints are the existing cluster's members.
public struct ExternalEtcd: Hashable, Sendable {
    public struct Member: Hashable, Sendable {
        /// The member's name in its definition; the address for `etcd.endpoints`.
        public var name: String
        /// An IPv4 or IPv6 literal.
        public var address: String
    }

    public var members: [Member]
    /// The one port every member serves clients on: patroni's and stolon's
    /// services take the members' addresses and one port.
    public var clientPort: Int
    /// Whether the members serve clients over https (with client certificates).
    public var tlsEnabled: Bool
    /// With TLS, the directory of the CA the members trust, on the
    /// deploying host: the etcd definition's `tls.ca_dir`, or `etcd.ca_dir`.
    /// The cluster's certificate script issues its node certificates from
    /// (a copy of) it, so etcd accepts them as client certificates.
    public var caDirectory: String?
    /// The etcd definition's file, resolved against the referring one; nil
    /// for `etcd.endpoints`.
    public var definitionFile: String?
    /// The etcd definition's `tls.key_type`; nil for `etcd.endpoints`. Its
    /// certificate script issues `admin` with it, as the cluster's does.
    public var keyType: String?
    /// What is wrong with `etcd.endpoints` or `etcd.definition`, at the key
    /// (`cluster.etcd.endpoints`, `cluster.etcd.definition` report them);
    /// then `members` may be incomplete and nothing is generated.
    public var problems: [Problem] = []

    public struct Problem: Hashable, Sendable {
        /// The source-map path: `etcd.definition`, `etcd.endpoints[1]`.
        public var path: String
        public var message: String
    }

    init(members: [Member], clientPort: Int, tlsEnabled: Bool) {
        self.members = members
        self.clientPort = clientPort
        self.tlsEnabled = tlsEnabled
    }

    /// `address:port` of every member: two definitions whose lists share
    /// one use the same etcd cluster.
    public var clientEndpoints: Set<String> {
        Set(members.map { "\($0.address):\(clientPort)" })
    }
}

extension ClusterDefinition {
    /// The roles a node has when it lists none: every role of the stack,
    /// but the etcd role when the cluster uses an existing etcd.
    public var defaultRoles: [NodeRole] {
        externalEtcd == nil ? stack.roles : stack.roles.filter { $0 != .etcd }
    }

    /// The etcd client endpoints (`address:port`) the cluster's daemons use:
    /// the existing cluster's members, or the cluster's own.
    public var etcdClientEndpoints: Set<String> {
        externalEtcd?.clientEndpoints ?? Set(etcdMembers.map { "\($0.address):\(etcd.clientPort)" })
    }

    /// Where the cluster keeps its keys in etcd, as `smfkit check` compares
    /// definitions sharing an etcd: patroni's namespace and scope, stolon's
    /// cluster name; nil for the etcd and replication stacks, which keep none.
    public var etcdScope: String? {
        switch stack {
        case .patroni:
            let namespace = "/" + patroni.namespace.split(separator: "/").joined(separator: "/")
            return "patroni namespace \(namespace) scope \(cluster)"
        case .stolon:
            return "stolon cluster name \(stolon.clusterName)"
        case .etcd, .replication:
            return nil
        }
    }
}
