import Diagnostics

/// `svccfg_xml.c: validate_service_name`: `scf_parse_fmri` must parse
/// `svc:/NAME` as an svc FMRI with no instance (`finst != NULL` or a failed
/// parse: `uu_die("invalid value \"%s\": should be a bare service name")`).
/// That is all it asks: a name the parser reads as a scope (`/x` makes
/// `svc://x`) or with a property group (`x/:properties/pg`) passes here and
/// is refused by svc.configd (`smf.name.service-path`).
public struct ServiceNameRule: SemanticRule {
    public static let id = "smf.name.service"
    public static let summary = "svc:/NAME parses as an FMRI without an instance (validate_service_name)"
    /// Per svccfg command (`.loading`): `validate_service_name`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.services.compactMap { service in
            if case .success(let parts) = FMRI.parseService("svc:/" + service.name), parts.instance == nil {
                return nil
            }
            return diagnostic("invalid value \"\(service.name)\": should be a bare service name",
                              at: service.location, in: document)
        }
    }
}
