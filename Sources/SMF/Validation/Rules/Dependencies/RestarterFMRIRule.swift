import Diagnostics

/// `general/restarter` is an fmri naming the restarter's service or
/// instance; template validation cannot find the restarter's templates
/// otherwise, and svc.startd cannot hand the instance to it.
public struct RestarterFMRIRule: SemanticRule {
    public static let id = "smf.restarter.fmri"
    public static let summary = "a restarter's service_fmri is an svc FMRI naming a service or instance"
    /// Per svccfg command (`.repository`): `lxml_get_restarter` stores the value unchecked; `lscf_property_import`'s
    /// `scf_value_set_from_string(…, SCF_TYPE_FMRI, …)` refuses an unparsable one (`Value "%s" is not a valid fmri.`,
    /// `EINVAL`).
    public static let verdicts = RuleVerdicts.repository
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.compactMap { entity in
            guard let restarter = entity.instance?.restarter ?? (entity.instance == nil ? entity.service.restarter : nil)
            else { return nil }
            if !restarter.value.hasPrefix("file:"), case .success(let parts) = FMRI.parseService(restarter.value),
               FMRI.service(parts).namesServiceOrInstance {
                return nil
            }
            return diagnostic("restarter FMRI \"\(restarter.value)\" of \(entity.fmri) does not name a service or "
                + "instance", at: restarter.location, in: document)
        }
    }
}
