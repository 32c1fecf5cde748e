import Diagnostics

/// `template.name.unknown`: every `{{name}}` of a template is a name the
/// template context has. Mustache renders an unknown name as an empty
/// string, silently; this makes it an error when templates are loaded, at
/// the tag, with the closest known name.
///
/// Names resolve as mustache resolves them: in the innermost open section
/// first (`{{#nodes}}{{name}}{{/nodes}}` is a node's name), then outwards.
struct TemplateNameCheck {
    static let rule = "template.name.unknown"
    let shape: ContextShape

    init(shape: ContextShape = .templates) {
        self.shape = shape
    }

    /// The problems of one template text. `start` is where its first
    /// character is; a multi-line value (a folded YAML scalar) whose lines
    /// are not where the file has them is reported at `start`.
    func diagnostics(in text: String, file: String, start: (line: Int, column: Int) = (1, 1), verbatim: Bool = true)
        -> [Diagnostic]
    {
        var found: [Diagnostic] = []
        var scopes: [ContextShape] = [shape]
        var line = start.line
        var column = start.column
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "{", index + 1 < scalars.count, scalars[index + 1] == "{" else {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            let tagLine = verbatim ? line : start.line
            let tagColumn = verbatim ? column : start.column
            let triple = index + 2 < scalars.count && scalars[index + 2] == "{"
            let open = index + (triple ? 3 : 2)
            let closer: [Unicode.Scalar] = triple ? ["}", "}", "}"] : ["}", "}"]
            guard let end = Self.find(closer, in: scalars, from: open) else { break }
            let body = String(String.UnicodeScalarView(scalars[open..<end])).trimmingCharacters(in: .whitespaces)
            for scalar in scalars[index..<(end + closer.count)] {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            index = end + closer.count

            // `{{#name}}`, `{{/name}}`, `{{&name}}`…: the sigil, then the name.
            let first = triple ? nil : body.unicodeScalars.first
            let sigil = first.flatMap { "#^/&!%>=".unicodeScalars.contains($0) ? $0 : nil }
            let name = sigil == nil ? body
                : String(String.UnicodeScalarView(body.unicodeScalars.dropFirst())).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!", "%", ">": continue
            // A changed delimiter: the rest is not in `{{ }}`; stop rather than guess.
            case "=": return found
            case "/":
                if scopes.count > 1 { scopes.removeLast() }
                continue
            default: break
            }
            let resolved = resolve(name, in: scopes)
            if resolved == nil {
                var message = "{{\(name)}} is not a name templates see"
                if let guess = suggestion(for: name, in: scopes) { message += "; did you mean '\(guess)'?" }
                else { message += "; docs/templates.md lists the names" }
                found.append(.error(message, rule: Self.rule,
                                    at: SourceLocation(file: file, line: tagLine, column: tagColumn)))
            }
            if sigil == "#" {
                // A section over a list renders once per element, in the element's scope.
                if let shape = resolved {
                    scopes.append(shape.kind == .list ? shape.elements.first ?? .value : shape)
                } else {
                    scopes.append(.value)
                }
            } else if sigil == "^" {
                scopes.append(.value)
            }
        }
        return found
    }

    private func resolve(_ name: String, in scopes: [ContextShape]) -> ContextShape? {
        if name == "." { return scopes.last }
        for scope in scopes.reversed() {
            if let found = scope.lookUp(name) { return found }
        }
        return nil
    }

    private func suggestion(for name: String, in scopes: [ContextShape]) -> String? {
        // Innermost first: of two equally close names, the nearer scope's wins.
        var candidates: [String] = []
        for scope in scopes.reversed() {
            for candidate in scope.names where !candidates.contains(candidate) { candidates.append(candidate) }
        }
        return KeySuggestion.closest(to: name, among: candidates)
    }

    private static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= scalars.count {
            if Array(scalars[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
