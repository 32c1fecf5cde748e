import Diagnostics

/// `lxml_get_propval`, `lxml_get_property`: a manifest property has a type
/// (`property type missing for property '%s/%s'`) and it is one of the
/// fourteen (`property type invalid for property '%s/%s'`). A profile may
/// omit it: `svccfg apply` takes the type from the repository.
public struct PropertyTypeRule: SemanticRule {
    public static let id = "smf.property.type"
    public static let summary = "propval/property type is present (manifests) and one of the 14 SMF types"
    /// Per svccfg command (`.loading`): `lxml_get_propval`, `lxml_get_property`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.writtenProperties.compactMap { written in
            let property = written.property
            // svccfg treats an empty type like a missing one.
            switch property.type.flatMap({ $0.isEmpty ? nil : $0 }) {
            case nil:
                return document.isProfile ? nil
                    : diagnostic("property type missing for property '\(written.group)/\(property.name)'",
                                 at: property.location, in: document)
            case let type? where SMFType(rawValue: type) == nil:
                return diagnostic("property type invalid for property '\(written.group)/\(property.name)' "
                    + "(\"\(type)\")", at: property.location, in: document)
            default:
                return nil
            }
        }
    }
}
