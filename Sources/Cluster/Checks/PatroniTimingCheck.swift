import Diagnostics

/// `cluster.patroni.timing`: patroni documents that `loop_wait + 2 *
/// retry_timeout <= ttl`; otherwise the leader key can expire while a healthy
/// leader is still retrying, and patroni adjusts the values at run time.
/// A warning, checked for the patroni stack only.
struct PatroniTimingCheck: DefinitionCheck {
    let rule = "cluster.patroni.timing"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let patroni = loaded.definition.patroni
        guard loaded.definition.stack == .patroni, patroni.loopWait >= 1, patroni.retryTimeout >= 1,
              patroni.loopWait + 2 * patroni.retryTimeout > patroni.ttl else { return [] }
        let map = loaded.sourceMap
        let written = ["patroni.ttl", "patroni.loop_wait", "patroni.retry_timeout"].filter { map.values[$0] != nil }
        let blamed = written.max { map.location(of: $0).line < map.location(of: $1).line } ?? "patroni"
        return [warning(
            "loop_wait (\(patroni.loopWait)) + 2 × retry_timeout (\(patroni.retryTimeout)) exceeds ttl "
                + "(\(patroni.ttl)); patroni wants loop_wait + 2 × retry_timeout <= ttl",
            at: map.location(of: blamed))]
    }
}
