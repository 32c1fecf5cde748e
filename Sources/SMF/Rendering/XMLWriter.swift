/// The one place in smfkit where XML text is built. Everything that reaches
/// the output goes through `escapeAttribute` / `escapeText` / `comment`, so a
/// value from a definition can never change the document's structure.
///
/// Layout: two-space indent, double-quoted attributes, every start tag on one
/// line (libxml2 reports an element's line as the line where its start tag
/// ends, so this keeps diagnostics pointing at the right line).
struct XMLWriter {
    private(set) var text = ""
    private var depth = 0

    /// XML 1.0 cannot carry most C0 control characters even as character
    /// references; they are replaced by U+FFFD (the definition checks reject
    /// them long before, so this only guards the renderer's contract).
    private static func representable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: scalar
        case 0x00..<0x20, 0xFFFE, 0xFFFF: "\u{FFFD}"
        default: scalar
        }
    }

    static func escapeAttribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars.map(representable) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Attribute-value normalisation would turn these into spaces.
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func escapeText(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars.map(representable) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    mutating func declaration(doctypeSystemID: String) {
        text += "<?xml version=\"1.0\"?>\n"
        text += "<!DOCTYPE service_bundle SYSTEM \"\(Self.escapeAttribute(doctypeSystemID))\">\n"
    }

    /// A comment; `--` cannot appear inside one, so it is split.
    mutating func comment(_ body: String) {
        var safe = String(body.unicodeScalars.map(Self.representable).map(Character.init))
        while safe.contains("--") { safe = safe.replacingOccurrences(of: "--", with: "- -") }
        if safe.hasSuffix("-") { safe += " " }
        let lines = safe.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count == 1 {
            line("<!-- \(safe) -->")
        } else {
            line("<!--")
            for part in lines { line(part.isEmpty ? "" : "  " + part) }
            line("-->")
        }
    }

    mutating func empty(_ name: String, _ attributes: [(String, String?)]) {
        line("<\(name)\(Self.attributeText(attributes))/>")
    }

    mutating func element(_ name: String, _ attributes: [(String, String?)], body: (inout XMLWriter) -> Void) {
        line("<\(name)\(Self.attributeText(attributes))>")
        depth += 1
        body(&self)
        depth -= 1
        line("</\(name)>")
    }

    /// `<name attrs>text</name>` on one line.
    mutating func textElement(_ name: String, _ attributes: [(String, String?)], text value: String) {
        line("<\(name)\(Self.attributeText(attributes))>\(Self.escapeText(value))</\(name)>")
    }

    private mutating func line(_ content: String) {
        if !content.isEmpty { text += String(repeating: "  ", count: depth) + content }
        text += "\n"
    }

    /// Attributes with a nil value are left out.
    private static func attributeText(_ attributes: [(String, String?)]) -> String {
        attributes.compactMap { name, value in
            value.map { " \(name)=\"\(escapeAttribute($0))\"" }
        }.joined()
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
