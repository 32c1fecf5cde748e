import Diagnostics

/// `cluster.value.positive`: timings and counts are at least 1 — a zero
/// `loop_wait` spins patroni, a zero `fall` never marks a server down, and
/// an overlay VERSION starts at 1.
struct PositiveValueCheck: DefinitionCheck {
    let rule = "cluster.value.positive"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        let values = [
            ("patroni.ttl", definition.patroni.ttl), ("patroni.loop_wait", definition.patroni.loopWait),
            ("patroni.retry_timeout", definition.patroni.retryTimeout),
            ("haproxy.check_interval", definition.haproxy.checkInterval), ("haproxy.fall", definition.haproxy.fall),
            ("haproxy.rise", definition.haproxy.rise),
            ("packaging.overlay_version", definition.packaging.overlayVersion),
        ]
        return values.compactMap { path, value in
            guard value < 1 else { return nil }
            return error("'\(path)' is \(value); it must be at least 1", at: loaded.sourceMap.location(of: path))
        }
    }
}
