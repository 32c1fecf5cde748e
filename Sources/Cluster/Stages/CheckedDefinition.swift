import Diagnostics

/// The check stage's output: a loaded definition with every problem of the
/// file — the loader's and the checks' — sorted by position. Translation
/// takes only `valid`, so an invalid definition cannot reach it.
public struct CheckedDefinition: Sendable {
    /// What was loaded; nil when a required value was missing or unusable.
    public var loaded: LoadedDefinition?
    public var diagnostics: [Diagnostic]

    /// True when there is a definition and no error (warnings allowed).
    public var isValid: Bool { loaded != nil && !diagnostics.hasErrors }

    /// The definition, when it may be generated from.
    public var valid: ClusterDefinition? { isValid ? loaded?.definition : nil }
}

/// The check stage: every rule of Checks/ over a loaded definition, also
/// over an incomplete one, so a user sees all problems of the file at once.
public enum DefinitionChecker {
    /// `templates` says which daemons the stack runs (and so which ports
    /// they bind); smfkit's own by default.
    public static func check(_ load: DefinitionLoad, templates: TemplateSet = .standard) -> CheckedDefinition {
        guard let loaded = load.loaded ?? load.partial else {
            return CheckedDefinition(loaded: nil, diagnostics: load.diagnostics)
        }
        let diagnostics = (load.diagnostics + DefinitionChecks.run(loaded, templates: templates)).sortedForOutput()
        return CheckedDefinition(loaded: load.loaded, diagnostics: diagnostics)
    }

    /// The rules over definitions checked together (`smfkit check a.yaml
    /// b.yaml`): every loaded one takes part, so a clash is reported even
    /// while one of the files has other errors.
    public static func checkTogether(_ checked: [CheckedDefinition]) -> [Diagnostic] {
        SharedEtcdScopeCheck.diagnostics(for: checked.compactMap(\.loaded))
    }
}
