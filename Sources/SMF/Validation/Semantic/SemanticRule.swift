import Diagnostics

/// One check svccfg (or svc.startd, for the lints) makes beyond the DTD.
///
/// A rule is one type with a stable `id`, a one-line `summary` for
/// `smfkit validate --list-rules`, and a `check` that returns every problem
/// it finds. Rules are listed in `SemanticRules.all`.
public protocol SemanticRule: Sendable {
    /// Stable id such as `smf.value.boolean`; users and tests key on it.
    var id: String { get }
    /// One line saying what the rule checks.
    var summary: String { get }
    /// `.error` for what svccfg refuses, `.warning` for lints and TVS_WARN.
    var severity: Diagnostic.Severity { get }
    func check(_ document: SemanticDocument) -> [Diagnostic]
}

extension SemanticRule {
    public var severity: Diagnostic.Severity { .error }

    /// A diagnostic of this rule at `location` (the document's path alone
    /// when the element's position is unknown).
    func diagnostic(_ message: String, at location: SourceLocation?, in document: SemanticDocument) -> Diagnostic {
        Diagnostic(severity, message, rule: id, at: location ?? SourceLocation(file: document.path))
    }
}
