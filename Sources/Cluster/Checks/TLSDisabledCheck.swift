import Diagnostics

/// `cluster.tls.disabled`: `tls: {enabled: false}` sends every password,
/// every row and etcd's leader key in plain text, and lets anyone who
/// reaches etcd's client port rewrite the cluster's state. Fine for a lab,
/// so a warning, not an error.
struct TLSDisabledCheck: DefinitionCheck {
    let rule = "cluster.tls.disabled"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        guard !loaded.definition.tlsEnabled else { return [] }
        // Without client certificates etcd cannot tell one cluster's client from another's.
        let shared = loaded.definition.externalEtcd != nil
            ? "; and no etcd user or role keeps the clusters sharing its etcd out of each other's keys" : ""
        return [warning("TLS is off: passwords, rows and etcd's cluster state cross the network in plain text and "
                            + "anyone who reaches etcd can take the cluster over\(shared); remove 'enabled: false' outside a lab",
                        at: loaded.sourceMap.location(of: "tls.enabled"))]
    }
}
