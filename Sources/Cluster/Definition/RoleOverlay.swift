/// Which overlay each zone is created with. A zone gets the daemons of its
/// node's roles and nothing else (an etcd-only zone has no PostgreSQL), so
/// there is one overlay per distinct set of roles among the nodes: the
/// stack's full set (its roles but etcd's, with an existing etcd) keeps `packaging.overlay` as its id (a definition
/// without `roles` has that one overlay, as before roles existed), any
/// other set appends its roles, `pgha-etcd`, `pgha-postgres-proxy`.
extension ClusterDefinition {
    /// The node's roles in `NodeRole` order, each once: the key of its overlay.
    public func roleSet(of node: Node) -> [NodeRole] {
        Array(Set(roles(of: node))).sorted()
    }

    /// The distinct role sets of the nodes, in the order nodes first show them.
    public var roleSets: [[NodeRole]] {
        var sets: [[NodeRole]] = []
        for node in nodes {
            let set = roleSet(of: node)
            if !sets.contains(set) { sets.append(set) }
        }
        return sets
    }

    /// The overlay id of the zones running exactly `roles`.
    public func overlayID(for roles: [NodeRole]) -> String {
        let full = Array(Set(defaultRoles)).sorted()
        guard roles != full else { return packaging.overlay }
        return ([packaging.overlay] + roles.map(\.rawValue)).joined(separator: "-")
    }

    /// The overlay `node`'s zone is created with.
    public func overlayID(of node: Node) -> String {
        overlayID(for: roleSet(of: node))
    }

    /// Every overlay id the definition generates, in `roleSets` order.
    public var overlayIDs: [String] { roleSets.map(overlayID(for:)) }

    /// The longest suffix an overlay id can get from its roles: every role
    /// but the shortest (`-postgres-sentinel-proxy`; the full set gets none).
    static let longestRoleSuffix: Int = {
        let suffixes = NodeRole.allCases.map { "-\($0.rawValue)".utf8.count }
        return suffixes.reduce(0, +) - (suffixes.min() ?? 0)
    }()
}
