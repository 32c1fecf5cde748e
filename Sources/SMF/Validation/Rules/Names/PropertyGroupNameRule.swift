import Diagnostics

/// Property group names and types satisfy `UU_NAME_DOMAIN`, including the
/// groups svccfg makes of methods, dependencies and dependents. Import
/// refuses them (`… has property group with invalid name "%s" or type "%s".`);
/// svccfg validate misses it.
public struct PropertyGroupNameRule: SemanticRule {
    public static let id = "smf.name.property-group"
    public static let summary = "property group names and types (incl. method/dependency names) satisfy UU_NAME_DOMAIN"
    /// Per svccfg command (`.repository`): `entity_pgroup_import`: `SCF_ERROR_INVALID_ARGUMENT` →
    /// `emsg_fmri_invalid_pg_name_type`, `EINVAL`.
    public static let verdicts = RuleVerdicts.repository
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.propertyGroups.groups.compactMap { group in
                let nameOK = SMFName.isValid(group.name, as: .domain)
                let typeOK = group.type.map { SMFName.isValid($0, as: .domain) } ?? true
                guard !nameOK || !typeOK else { return nil }
                return diagnostic("\(entity.fmri) has property group with invalid name \"\(group.name)\" "
                    + "or type \"\(group.type ?? "")\".", at: group.location, in: document)
            }
        }
    }
}
