import Diagnostics

/// `cluster.etcd.endpoints`: the client URLs of an existing etcd
/// (`etcd.endpoints`) are `https://ADDRESS:PORT` with TLS (`http://`
/// without), IP addresses, one port for all, and with TLS `etcd.ca_dir` names
/// the CA that etcd trusts. What `EtcdReference` found, at the entry.
struct EtcdEndpointsCheck: DefinitionCheck {
    let rule = "cluster.etcd.endpoints"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        (loaded.definition.externalEtcd?.problems ?? []).filter { $0.path.hasPrefix("etcd.endpoints") }.map {
            error($0.message, at: loaded.sourceMap.location(of: $0.path))
        }
    }
}
