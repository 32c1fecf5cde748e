import Diagnostics

/// `lscf_dependent_import`: a dependent's target must parse
/// (`The FMRI for the "%s" dependent is invalid.`) and name a service or an
/// instance (`… specifies neither a service nor an instance.`). Import-time.
public struct DependentTargetRule: SemanticRule {
    public static let id = "smf.dependent.target"
    public static let summary = "a dependent's service_fmri is an svc FMRI naming a service or instance"
    /// Per svccfg command (custom): loading stores the target unchecked (`pg->sc_pgroup_fmri = fmri`);
    /// `lscf_dependent_import` refuses it at import; `lscf_bundle_apply` walks `lscf_dependent_apply` with
    /// `uu_list_walk` and ignores the result.
    public static let verdicts = RuleVerdicts(validate: .notChecked, import: .error, importStrict: .error, apply: .warning)
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.entity.dependents.compactMap { dependent in
                let value = dependent.fmri?.value ?? ""
                let location = dependent.fmri?.location ?? dependent.location
                guard !value.hasPrefix("file:"), case .success(let parts) = FMRI.parseService(value) else {
                    return diagnostic("The FMRI for the \"\(dependent.name)\" dependent is invalid.",
                                      at: location, in: document)
                }
                guard FMRI.service(parts).namesServiceOrInstance else {
                    return diagnostic("The FMRI \"\(value)\" for the \"\(dependent.name)\" dependent specifies "
                        + "neither a service nor an instance.", at: location, in: document)
                }
                return nil
            }
        }
    }
}
