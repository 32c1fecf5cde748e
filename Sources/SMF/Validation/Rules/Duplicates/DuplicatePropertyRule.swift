import Diagnostics

/// `internal_attach_property`: a property may appear once in a merged group
/// (`Multiple definitions for property %s in property group %s.`), including
/// the properties svccfg synthesises (`general/enabled`, a method's `exec`,
/// a dependency's `entities` …).
public struct DuplicatePropertyRule: SemanticRule {
    public static let id = "smf.duplicate.property"
    public static let summary = "no property is defined twice in a (merged) property group, synthesised ones included"
    /// Per svccfg command (`.loadingPrintedByApply`): `internal_attach_property`: `semerr`, `return (-1)`, dropped
    /// by `(void) lxml_get_property(…)`/`(void) lxml_get_pgroup(…)`.
    public static let verdicts = RuleVerdicts.loadingPrintedByApply
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.propertyGroups.conflicts.compactMap { conflict in
                guard case .duplicateProperty(let group, let property, let location) = conflict else { return nil }
                return diagnostic("Multiple definitions for property \(property) in property group \(group) "
                    + "of \(entity.fmri).", at: location, in: document)
            }
        }
    }
}
