import Diagnostics

/// `svccfg_xml.c: validate_service_name`: `svc:/NAME` must parse as the FMRI
/// of a service (so `UU_NAME_DOMAIN | UU_NAME_PATH`, and no `:`).
public struct ServiceNameRule: SemanticRule {
    public static let id = "smf.name.service"
    public static let summary = "service names are bare service names (uu_check_name domain+path, no ':')"
    /// Per svccfg command (`.loading`): `validate_service_name`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.services.compactMap { service in
            if case .success(let parts) = FMRI.parseService("svc:/" + service.name),
               parts.service == service.name, parts.instance == nil, parts.propertyGroup == nil {
                return nil
            }
            return diagnostic("invalid value \"\(service.name)\": should be a bare service name",
                              at: service.location, in: document)
        }
    }
}
