import Mustache

/// Renders a mustache template as plain text. Mustache escapes for HTML by
/// default; none of our outputs is HTML, and values are checked for what
/// their destination can carry before they get here.
struct TextTemplate {
    private let template: MustacheTemplate

    init(_ text: String, name: String) throws(TemplateError) {
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch {
            throw TemplateError(file: name, message: "not a valid mustache template: \(error)")
        }
    }

    func render(_ context: [String: Any]) -> String {
        template.render(context)
    }

    /// Renders a one-off value such as a property's `{{node.name}}`.
    static func render(_ text: String, _ context: [String: Any], name: String) throws(TemplateError) -> String {
        guard text.contains("{{") else { return text }
        return try TextTemplate(text, name: name).render(context)
    }
}
