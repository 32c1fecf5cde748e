import Diagnostics

/// `general/restarter` is stored as an fmri value: `lxml_get_restarter`
/// stores it unchecked, and svc.configd takes only what `scf_parse_fmri`
/// parses (`lscf_property_import`: `scf_value_set_from_string(…,
/// SCF_TYPE_FMRI, …)` fails, `Value "%s" is not a valid fmri.`, `EINVAL`).
/// What it names is `smf.restarter.target`'s concern.
public struct RestarterFMRIRule: SemanticRule {
    public static let id = "smf.restarter.fmri"
    public static let summary = "a restarter's service_fmri is a valid FMRI (checked when svc.configd stores it)"
    /// Per svccfg command (`.repository`): `lxml_get_restarter` stores the value unchecked; `lscf_property_import`
    /// refuses an unparsable one (`EINVAL`).
    public static let verdicts = RuleVerdicts.repository
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.restarters.compactMap { entity, restarter in
            guard case .failure(let error) = FMRI.parse(restarter.value) else { return nil }
            return diagnostic("Value \"\(restarter.value)\" is not a valid fmri (\(error.reason)): restarter of "
                + "\(entity.fmri)", at: restarter.location, in: document)
        }
    }
}

extension SemanticDocument {
    /// Each entity's own `<restarter>`: an instance's, or a service's.
    var restarters: [(entity: EntityReference, restarter: ServiceFMRI)] {
        entities.compactMap { entity in
            let own = entity.instance.map(\.restarter) ?? entity.service.restarter
            guard let restarter = own else { return nil }
            return (entity, restarter)
        }
    }
}
