import Diagnostics

/// `lxml_get_loctext`: a `loctext` has text (`loctext element has no content
/// for "%s"`); svccfg trims it and stores it as a ustring.
public struct LocalizedTextRule: SemanticRule {
    public static let id = "smf.template.loctext"
    public static let summary = "loctext elements are not empty"
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
                text.text.allSatisfy(\.isWhitespace)
                    ? diagnostic("loctext element has no content for \"\(entity.fmri)\"", at: text.location,
                                 in: document)
                    : nil
            }
        }
    }
}
