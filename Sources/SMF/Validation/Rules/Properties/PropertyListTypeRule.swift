import Diagnostics

/// `lxml_get_property`: the `*_list` child matches the property's type
/// (`property '%s' type-to-list mismatch`).
public struct PropertyListTypeRule: SemanticRule {
    public static let id = "smf.property.list-type"
    public static let summary = "a property's <T_list> element matches its type"
    /// Per svccfg command (`.loading`): `lxml_get_property`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.writtenProperties.compactMap { written in
            let property = written.property
            guard case .list(let element?) = property.form, let type = property.type else { return nil }
            if let typed = SMFType(rawValue: type), element == typed.listElementName { return nil }
            // An unknown type is smf.property.type's finding.
            guard SMFType(rawValue: type) != nil else { return nil }
            return diagnostic("property '\(property.name)' type-to-list mismatch (type \(type), element <\(element)>)",
                              at: property.location, in: document)
        }
    }
}
