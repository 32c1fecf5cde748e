import Diagnostics

/// `lxml_get_dependent`: `Multiple definitions of dependent %s in entity %s.`
public struct DuplicateDependentRule: SemanticRule {
    public static let id = "smf.duplicate.dependent"
    public static let summary = "no dependent name is used twice in one entity"
    /// Per svccfg command (`.loadingPrintedByApply`): `internal_attach_dependent`: `semerr`; `lxml_get_dependent`'s
    /// `-1` is dropped by `(void) lxml_get_dependent(…)`.
    public static let verdicts = RuleVerdicts.loadingPrintedByApply
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            var seen: Set<String> = []
            return entity.entity.dependents.compactMap { (dependent) -> Diagnostic? in
                guard !seen.insert(dependent.name).inserted else { return nil }
                return diagnostic("Multiple definitions of dependent \(dependent.name) in entity \(entity.fmri).",
                                  at: dependent.location, in: document)
            }
        }
    }
}
