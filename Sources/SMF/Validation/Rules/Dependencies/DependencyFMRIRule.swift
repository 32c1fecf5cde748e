import Diagnostics

/// `lxml_get_dependency`: each `service_fmri` of a dependency is stored as an
/// fmri value, so it must parse (`illegal value "%s" for fmri (%s)`).
public struct DependencyFMRIRule: SemanticRule {
    public static let id = "smf.dependency.fmri"
    public static let summary = "dependency service_fmri values are valid FMRIs (svc: or file:)"
    /// Per svccfg command (`.loading`): `lxml_get_dependency`: `lxml_validate_string_value(SCF_TYPE_FMRI, …)` fails
    /// → `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.entity.dependencies.flatMap { dependency in
                dependency.fmris.compactMap { fmri in
                    guard case .failure(let error) = FMRI.parse(fmri.value) else { return nil }
                    return diagnostic("illegal value \"\(fmri.value)\" for fmri (\(error.reason)) in dependency "
                        + "'\(dependency.name)'", at: fmri.location ?? dependency.location, in: document)
                }
            }
        }
    }
}
