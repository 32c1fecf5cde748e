import Diagnostics

/// One rule over a loaded definition: a stable id and the diagnostics it
/// finds. Each rule lives in its own file under Checks/.
protocol DefinitionCheck: Sendable {
    /// Stable id such as `cluster.node.name`; tests and users key on it.
    var rule: String { get }
    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic]
}

extension DefinitionCheck {
    func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error(message, rule: rule, at: location)
    }

    func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        .warning(message, rule: rule, at: location)
    }
}
