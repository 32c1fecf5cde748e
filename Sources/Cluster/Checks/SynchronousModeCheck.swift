import Diagnostics

/// `cluster.patroni.synchronous`: patroni's synchronous settings that
/// cannot do what they say (warnings).
///
/// - `synchronous_mode_strict` without `synchronous_mode`: patroni reads
///   strict only in synchronous mode, so it changes nothing.
/// - `synchronous_mode_strict` with fewer than 3 nodes: a leader needs a
///   healthy standby to accept writes, and after a failover of a 2-node
///   cluster the new leader has none until the old one rejoins, so writes
///   stop for as long as a node is down.
struct SynchronousModeCheck: DefinitionCheck {
    let rule = "cluster.patroni.synchronous"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        guard definition.stack == .patroni,
              definition.settings["patroni.synchronous_mode_strict"] == .bool(true) else { return [] }
        let location = loaded.sourceMap.location(of: "patroni.synchronous_mode_strict")
        if definition.settings["patroni.synchronous_mode"] == .bool(false) {
            return [warning("synchronous_mode_strict has no effect with synchronous_mode: false; remove it or "
                                + "set synchronous_mode: true", at: location)]
        }
        if definition.nodes.count < 3 {
            return [warning("synchronous_mode_strict with \(definition.nodes.count) node(s): while one node is down "
                                + "no standby is synchronous and every write blocks; use 3 nodes or leave strict off",
                            at: location)]
        }
        return []
    }
}
