/// What a node runs: each service template belongs to one role, and a node
/// gets the instances, profile entries and certificates of its roles only.
/// A node that lists no `roles` runs every role of the stack, as every node
/// did before roles existed.
public enum NodeRole: String, Hashable, Sendable, CaseIterable, Comparable {
    /// An etcd member, named in `initial_cluster`. Nodes without it reach
    /// the members as etcd clients.
    case etcd
    /// PostgreSQL with its manager: patroni, or the stolon keeper.
    case postgres
    /// The stolon sentinel.
    case sentinel
    /// What clients connect to: haproxy (patroni) or the stolon proxy.
    case proxy

    /// The other words a definition may use for a role.
    static let aliases: [String: NodeRole] = ["haproxy": .proxy]

    init?(word: String) {
        guard let role = NodeRole(rawValue: word) ?? Self.aliases[word] else { return nil }
        self = role
    }

    public static func < (lhs: NodeRole, rhs: NodeRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Stack {
    /// The roles a node of this stack can have, and has when it lists none.
    public var roles: [NodeRole] {
        switch self {
        case .patroni: [.etcd, .postgres, .proxy]
        case .stolon: [.etcd, .postgres, .sentinel, .proxy]
        case .etcd: [.etcd]
        case .replication: [.postgres]
        }
    }
}

extension ClusterDefinition {
    /// The roles `node` runs: its own list, else every role of the stack
    /// (but etcd's, when the cluster uses an existing etcd).
    public func roles(of node: Node) -> [NodeRole] {
        node.roles ?? defaultRoles
    }

    /// Whether `node` runs what needs `role`; what needs none runs everywhere.
    public func runs(_ role: NodeRole?, on node: Node) -> Bool {
        role.map { roles(of: node).contains($0) } ?? true
    }

    /// The nodes that run `role`, in definition order.
    public func nodes(running role: NodeRole) -> [Node] {
        nodes.filter { runs(role, on: $0) }
    }

    /// The members of the etcd cluster the definition creates.
    public var etcdMembers: [Node] { nodes(running: .etcd) }

    /// Whether a member joins the running etcd cluster (`etcd_state: existing`).
    public var growsEtcd: Bool { nodes.contains(where: \.joinsEtcd) }
}
