import Diagnostics

/// `lxml_get_tm_internal_seps`: `internal_separators` lists at least one
/// character (`The %s element in %s had an empty list of separators.`).
public struct InternalSeparatorsRule: SemanticRule {
    public static let id = "smf.template.separators"
    public static let summary = "internal_separators is not empty"
    /// Per svccfg command (`.loading`): `lxml_get_tm_internal_seps`: `semerr`, `-1` returned through
    /// `lxml_get_tm_prop_pattern`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.declaredPGPatterns.flatMap { declared in
            declared.pattern.propPatterns.compactMap { prop in
                guard let separators = prop.internalSeparators, separators.isEmpty else { return nil }
                return diagnostic("The internal_separators element in \(declared.entity.fmri) had an empty list of "
                    + "separators.", at: prop.location, in: document)
            }
        }
    }
}
