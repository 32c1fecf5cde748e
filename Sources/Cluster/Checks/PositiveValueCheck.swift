import Diagnostics

/// `cluster.value.positive`: timings and counts are at least 1 — a zero
/// `loop_wait` spins patroni, a zero `fall` never marks a server down, and
/// an overlay VERSION starts at 1.
struct PositiveValueCheck: DefinitionCheck {
    let rule = "cluster.value.positive"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        return loaded.definition.positiveValues.compactMap { path, value in
            guard value < 1 else { return nil }
            return error("'\(path)' is \(value); it must be at least 1", at: loaded.sourceMap.location(of: path))
        }
    }
}
