import Diagnostics

/// `lxml_get_exec_method`: `timeout_seconds` is read like a count (`-1`
/// allowed, meaning infinite): `illegal value "%s" for timeout_seconds (%s)`.
public struct TimeoutSecondsRule: SemanticRule {
    public static let id = "smf.method.timeout"
    public static let summary = "exec_method timeout_seconds is an unsigned decimal number (-1 allowed)"
    /// Per svccfg command (`.loading`): `lxml_get_exec_method`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.entity.execMethods.compactMap { method in
                guard let reason = SMFType.count.invalidityReason(of: method.timeoutSeconds) else { return nil }
                return diagnostic("illegal value \"\(method.timeoutSeconds)\" for timeout_seconds (\(reason)) "
                    + "in method '\(method.name)'", at: method.location, in: document)
            }
        }
    }
}
