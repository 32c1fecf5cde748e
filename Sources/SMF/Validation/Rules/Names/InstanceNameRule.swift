import Diagnostics

/// Instance names satisfy `UU_NAME_DOMAIN`. svccfg validate misses this;
/// import refuses it when svc.configd creates the instance
/// (`Invalid instance name "%s".`).
public struct InstanceNameRule: SemanticRule {
    public static let id = "smf.name.instance"
    public static let summary = "instance names satisfy uu_check_name with UU_NAME_DOMAIN (checked at import)"
    /// Per svccfg command (custom): loading never checks it; import fails when svc.configd refuses the instance
    /// (`lscf_service_import`: `Invalid instance name`), and `lscf_bundle_apply`'s `scf_service_get_instance` fails
    /// with `SCF_ERROR_INVALID_ARGUMENT`, which its `default: scfdie()` turns into an exit.
    public static let verdicts = RuleVerdicts(validate: .notChecked, import: .error, importStrict: .error, apply: .error)
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.services.flatMap { (service) -> [Diagnostic] in
            service.instances.compactMap { instance in
                SMFName.isValid(instance.name, as: .domain) ? nil
                    : diagnostic("Invalid instance name \"\(instance.name)\" in service \(service.fmri).",
                                 at: instance.location, in: document)
            }
        }
    }
}
