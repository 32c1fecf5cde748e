import Diagnostics

/// `lxml_get_loctext`: a `loctext` has a text node (`loctext element has no
/// content for "%s"`). White space alone is a text node: svccfg accepts it
/// and stores the trimmed, empty string.
public struct LocalizedTextRule: SemanticRule {
    public static let id = "smf.template.loctext"
    public static let summary = "loctext elements are not empty"
    /// Per svccfg command (`.loading`): `lxml_get_loctext`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            guard let template = entity.entity.template else { return [] }
            var texts = template.commonName + (template.description ?? [])
            for pattern in template.pgPatterns {
                texts += (pattern.commonName ?? []) + (pattern.description ?? [])
                for prop in pattern.propPatterns {
                    texts += (prop.commonName ?? []) + (prop.description ?? []) + (prop.units ?? [])
                    let values = (prop.values ?? []) + (prop.constraints?.values ?? []) + (prop.choices?.values ?? [])
                    for value in values { texts += (value.commonName ?? []) + (value.description ?? []) }
                }
            }
            return texts.compactMap { text in
                text.text.isEmpty
                    ? diagnostic("loctext element has no content for \"\(entity.name)\"", at: text.location,
                                 in: document)
                    : nil
            }
        }
    }
}
