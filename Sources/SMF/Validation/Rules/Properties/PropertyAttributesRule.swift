import Diagnostics

/// `lxml_get_propval`, `lxml_get_property`: a property has a name
/// (`property name missing in group '%s'`) and a `propval` has a value
/// (`property value missing for property '%s/%s'`).
public struct PropertyAttributesRule: SemanticRule {
    public static let id = "smf.property.attributes"
    public static let summary = "propval and property have a name; propval has a value"
    /// Per svccfg command (`.loading`): `lxml_get_propval`, `lxml_get_property`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.writtenProperties.compactMap { written in
            let property = written.property
            if property.name.isEmpty {
                return diagnostic("property name missing in group '\(written.group)'", at: property.location,
                                  in: document)
            }
            if property.form == .propval, property.values.isEmpty {
                return diagnostic("property value missing for property '\(written.group)/\(property.name)'",
                                  at: property.location, in: document)
            }
            return nil
        }
    }
}
