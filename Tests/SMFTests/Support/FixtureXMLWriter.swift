@testable import SMF

/// Writes an element tree back as XML text, for tests that build mutated
/// documents. Attributes the DTD defaulted are left out, so the text is what
/// the file held.
enum FixtureXMLWriter {
    static let prolog = """
        <?xml version="1.0"?>
        <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">

        """

    static func document(_ root: XMLElementNode) -> String {
        prolog + element(root, indent: "") + "\n"
    }

    static func element(_ node: XMLElementNode, indent: String) -> String {
        var text = indent + "<" + node.name
        if let namespace = node.namespaceURI, let colon = node.name.firstIndex(of: ":") {
            // Re-declare the prefix where it is used, so a subtree stands alone.
            text += " xmlns:\(node.name[..<colon])=\"\(escape(namespace))\""
        }
        for attribute in node.attributes where !attribute.isDefaulted {
            text += " \(attribute.name)=\"\(escape(attribute.value))\""
        }
        if node.children.isEmpty { return text + "/>" }
        text += ">"
        for child in node.children {
            switch child {
            case .element(let element): text += "\n" + self.element(element, indent: indent + "  ")
            case .text(let value):
                if !value.allSatisfy(\.isWhitespace) { text += escape(value) }
            case .comment: break
            }
        }
        let onlyText = node.elements.isEmpty
        return text + (onlyText ? "" : "\n" + indent) + "</\(node.name)>"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
