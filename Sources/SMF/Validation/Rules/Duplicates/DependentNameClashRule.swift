import Diagnostics

/// `lxml_get_dependent`: a dependent may not share its name with a property
/// group the entity already has, in practice a `<dependency>` (`Property
/// group and dependent of entity %s have same name "%s".`).
public struct DependentNameClashRule: SemanticRule {
    public static let id = "smf.dependent.name-clash"
    public static let summary = "a dependent's name differs from the entity's dependencies (and earlier groups)"
    /// Per svccfg command (`.loadingPrintedByApply`): `lxml_get_dependent`: `semerr`, `return (-1)`, dropped by
    /// `(void) lxml_get_dependent(…)`.
    public static let verdicts = RuleVerdicts.loadingPrintedByApply
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            // Dependencies are the only groups svccfg has created when it
            // reaches the dependents (the DTD puts them first), besides
            // `general` from the entity's attributes.
            var earlier = Set(entity.entity.dependencies.map(\.name))
            if entity.instance?.enabled != nil || entity.instance?.restarter != nil
                || (entity.instance == nil && (entity.service.restarter != nil || entity.service.singleInstance != nil)) {
                earlier.insert("general")
            }
            return entity.entity.dependents.compactMap { (dependent) -> Diagnostic? in
                // The first dependent creates the `dependents` group.
                defer { earlier.insert("dependents") }
                guard earlier.contains(dependent.name) else { return nil }
                return diagnostic("Property group and dependent of entity \(entity.fmri) have same name "
                    + "\"\(dependent.name)\".", at: dependent.location, in: document)
            }
        }
    }
}
