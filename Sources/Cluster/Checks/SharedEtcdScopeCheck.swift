import Diagnostics

/// `cluster.etcd.shared-scope`: of the definitions `smfkit check` is given
/// together, no two PostgreSQL clusters that use the same etcd (their etcd
/// client endpoints overlap: the same existing etcd, or the same members)
/// keep their keys under the same scope — patroni's namespace and scope
/// (`cluster`), stolon's cluster name. Two patronis under one scope would
/// take each other's leader key and replicate from each other's primary;
/// two stolons under one cluster name share one cluster data.
/// Nor under scopes of which one holds the other (`/service/orders/` and
/// `/service/orders/x/`): the outer cluster reads the inner one's keys as
/// its own, and with TLS its etcd role is granted them. Nor, with TLS,
/// under scopes whose etcd roles (`EtcdAccess`: the key prefix with dots
/// for slashes) are one — `/x/y/` + `c` and `/x.y/` + `c` are both
/// `x.y.c` — or that make one etcd user (`service.orders.orders1`: orders'
/// node orders1, and the password login of a cluster orders1 under
/// `/service.orders/`): each cluster's deploy grants the role or user its
/// own prefix, so either cluster could read and write the other's keys.
/// Reported at the second definition, where its scope is set.
public enum SharedEtcdScopeCheck {
    public static let rule = "cluster.etcd.shared-scope"

    public static func diagnostics(for definitions: [LoadedDefinition]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, second) in definitions.enumerated() {
            guard let scope = second.definition.etcdScope else { continue }
            let endpoints = second.definition.etcdClientEndpoints
            guard !endpoints.isEmpty else { continue }
            for first in definitions[..<index] {
                let shared = endpoints.intersection(first.definition.etcdClientEndpoints)
                guard !shared.isEmpty else { continue }
                let etcd = "use the same etcd (\(shared.sorted().joined(separator: ", ")))"
                if first.definition.etcdScope == scope {
                    found.append(.error(
                        "this cluster and the one of \(first.sourceMap.file) \(etcd) "
                            + "under the same \(scope); \(consequence(second.definition)) give this cluster its own: "
                            + "\(remedy(second.definition))",
                        rule: rule, at: location(in: second)))
                    break
                }
                if let problem = sharedKeys(second.definition, first.definition) {
                    found.append(.error(
                        "this cluster and the one of \(first.sourceMap.file) \(etcd) under other scopes, but \(problem); "
                            + "give this cluster a scope of its own: \(remedy(second.definition))",
                        rule: rule, at: location(in: second)))
                    break
                }
            }
        }
        return found
    }

    /// What would let two clusters with different scopes reach each
    /// other's keys on one etcd; nil when nothing does.
    private static func sharedKeys(_ second: ClusterDefinition, _ first: ClusterDefinition) -> String? {
        let ours = second.etcdKeyPrefixes ?? [], theirs = first.etcdKeyPrefixes ?? []
        for mine in ours {
            for other in theirs where mine.hasPrefix(other) || other.hasPrefix(mine) {
                let (outer, inner) = mine.count < other.count ? (mine, other) : (other, mine)
                return "the keys under \(inner) are under \(outer) too: the cluster of \(outer) would read them as its "
                    + "own\(second.etcdAccess != nil ? ", and its etcd role is granted them" : "")"
            }
        }
        if let role = second.etcdAccess?.role, first.etcdAccess?.role == role {
            return "both would have the etcd role '\(role)' (the key prefix with dots for slashes): each cluster's "
                + "deploy grants that role its own prefix, so either cluster's etcd users could read and write the "
                + "other's keys"
        }
        if let user = second.etcdUsers.first(where: Set(first.etcdUsers).contains) {
            return "both would have the etcd user '\(user)': each cluster's deploy grants it its own role, so it "
                + "could read and write both clusters' keys"
        }
        return nil
    }

    private static func consequence(_ definition: ClusterDefinition) -> String {
        definition.stack == .stolon
            ? "both would read and write one cluster data, each keeper joining the other's cluster;"
            : "the two would take each other's leader key and replicate from each other's primary;"
    }

    private static func remedy(_ definition: ClusterDefinition) -> String {
        definition.stack == .stolon ? "another stolon.cluster_name" : "another cluster name or patroni.namespace"
    }

    /// Where the scope is set: the key that names it if the file writes
    /// it, else the key that makes the cluster use the shared etcd.
    private static func location(in loaded: LoadedDefinition) -> SourceLocation {
        let map = loaded.sourceMap
        let candidates = loaded.definition.stack == .stolon
            ? ["stolon.cluster_name", "etcd.definition", "etcd.endpoints", "nodes"]
            : ["patroni.namespace", "cluster"]
        let path = candidates.first { map.values[$0] != nil } ?? "cluster"
        return map.location(of: path)
    }
}
