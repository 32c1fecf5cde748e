import Foundation
import Mustache

/// Renders a mustache template as plain text. Mustache escapes for HTML by
/// default; none of our outputs is HTML, and values are checked for what
/// their destination can carry before they get here.
struct TextTemplate: @unchecked Sendable {
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

    /// Renders a value such as a property's `{{node.name}}`. The same few
    /// value templates are rendered for every node, so each is parsed once.
    static func render(_ text: String, _ context: [String: Any], name: String) throws(TemplateError) -> String {
        guard text.contains("{{") else { return text }
        if let parsed = ParsedTemplates.shared.template(for: text) { return parsed.render(context) }
        let parsed = try TextTemplate(text, name: name)
        ParsedTemplates.shared.store(parsed, for: text)
        return parsed.render(context)
    }
}

/// Value templates already parsed, by their text.
private final class ParsedTemplates: @unchecked Sendable {
    static let shared = ParsedTemplates()
    private let lock = NSLock()
    private var templates: [String: TextTemplate] = [:]

    func template(for text: String) -> TextTemplate? {
        lock.withLock { templates[text] }
    }

    func store(_ template: TextTemplate, for text: String) {
        lock.withLock { templates[text] = template }
    }
}
