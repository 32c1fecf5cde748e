import Diagnostics

/// `cluster.etcd.definition`: `etcd.definition` names a readable
/// `stack: etcd` definition without errors, whose `tls.enabled` is the
/// cluster's; only a PostgreSQL cluster uses one, and not together with
/// `etcd.endpoints`. What `EtcdReference` found, at the key.
struct EtcdDefinitionCheck: DefinitionCheck {
    let rule = "cluster.etcd.definition"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        (loaded.definition.externalEtcd?.problems ?? []).filter { $0.path == "etcd.definition" }.map {
            error($0.message, at: loaded.sourceMap.location(of: $0.path))
        }
    }
}
