import Diagnostics

/// A service name is what svc.configd takes as one: `uu_check_name` with
/// `UU_NAME_DOMAIN | UU_NAME_PATH`, the whole name. svccfg's loader only
/// parses `svc:/NAME` (`smf.name.service`), so `svccfg validate` passes a
/// name such as `/site/x` or `site/x/:properties/pg`; the repository
/// refuses it — `lscf_service_import` cannot add the service, and
/// `lscf_bundle_apply`'s `scf_scope_get_service` fails with
/// `SCF_ERROR_INVALID_ARGUMENT`, which `default: scfdie()` turns into an exit.
public struct ServicePathRule: SemanticRule {
    public static let id = "smf.name.service-path"
    public static let summary = "service names satisfy uu_check_name with UU_NAME_DOMAIN|UU_NAME_PATH (checked by "
        + "svc.configd)"
    /// Per svccfg command (custom): see above.
    public static let verdicts = RuleVerdicts(validate: .notChecked, import: .error, importStrict: .error,
                                              apply: .error)
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.services.compactMap { service in
            // What validate_service_name refuses is smf.name.service's.
            guard case .success(let parts) = FMRI.parseService("svc:/" + service.name), parts.instance == nil,
                  !SMFName.isValid(service.name, as: .servicePath) else { return nil }
            return diagnostic("Invalid service name \"\(service.name)\": svc.configd takes only "
                + "component/component/… names", at: service.location, in: document)
        }
    }
}
