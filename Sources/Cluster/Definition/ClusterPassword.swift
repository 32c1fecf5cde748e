/// The passwords deploy makes on the first host, and which of them each
/// node needs. With hosts, a host is carried only the passwords of its own
/// nodes: a host of etcd members holds none, a host of haproxy nodes only
/// the statistics page's, so taking one host does not give away the
/// database.
public enum ClusterPassword: String, CaseIterable, Sendable {
    case superuser
    case replication
    case rewind
    case rest
    case stats
    /// patroni on an etcd shared with other clusters: its etcd user's (EtcdAccess).
    case etcd

    /// Its file in the deploying host's secrets directory.
    public var fileName: String { "\(rawValue)-password" }

    /// How deploy names it when it is missing.
    public var description: String {
        switch self {
        case .superuser: "the superuser's password"
        case .replication: "the replication password"
        case .rewind: "the rewind password"
        case .rest: "the REST API's password"
        case .stats: "the statistics page's password"
        case .etcd: "the password of the cluster's etcd user"
        }
    }

    /// Every password of `stack`: what the first host makes.
    public static func all(of stack: Stack) -> [ClusterPassword] {
        switch stack {
        case .etcd: []
        case .patroni: allCases.filter { $0 != .etcd }
        case .stolon, .replication: [.superuser, .replication]
        }
    }
}

extension ClusterDefinition {
    /// Every password the first host makes: the stack's, and patroni's etcd
    /// user's on an etcd shared with other clusters.
    public var madePasswords: [ClusterPassword] {
        ClusterPassword.all(of: stack) + (etcdAccess?.passwordUser != nil ? [.etcd] : [])
    }

    /// The passwords `node`'s zone is given: PostgreSQL's own (and, with
    /// patroni, pg_rewind's and the REST API's) where PostgreSQL runs;
    /// haproxy's statistics page where haproxy runs.
    public func passwords(of node: Node) -> [ClusterPassword] {
        madePasswords.filter { password in
            switch password {
            case .superuser, .replication, .rewind, .rest, .etcd: runs(.postgres, on: node)
            case .stats: runs(.proxy, on: node)
            }
        }
    }

    /// The passwords of the nodes on `host`, in a fixed order.
    public func passwords(on host: ClusterHost) -> [ClusterPassword] {
        let needed = Set(nodes(on: host).flatMap { passwords(of: $0) })
        return ClusterPassword.allCases.filter(needed.contains)
    }
}
