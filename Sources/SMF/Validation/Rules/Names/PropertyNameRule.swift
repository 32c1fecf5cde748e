import Diagnostics

/// Property names satisfy `UU_NAME_DOMAIN` (`Invalid property name "%s".`
/// at import; svccfg validate misses it). An empty name is reported by
/// `smf.property.attributes`.
public struct PropertyNameRule: SemanticRule {
    public static let id = "smf.name.property"
    public static let summary = "property names satisfy UU_NAME_DOMAIN (checked at import)"
    /// Per svccfg command (`.repository`): `lscf_property_import`: `semerr(emsg_invalid_prop_name)`, `EINVAL`.
    public static let verdicts = RuleVerdicts.repository
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.propertyGroups.groups.flatMap { group in
                group.properties.compactMap { property in
                    guard !property.name.isEmpty, !SMFName.isValid(property.name, as: .domain) else { return nil }
                    // A dependent's name is stored as property dependents/<name>.
                    let origin = group.name == "dependents"
                        && entity.entity.dependents.contains { $0.name == property.name } ? " (a dependent's name)" : ""
                    return diagnostic("Invalid property name \"\(property.name)\"\(origin) in property group "
                        + "\"\(group.name)\" of \(entity.fmri).", at: property.location, in: document)
                }
            }
        }
    }
}
