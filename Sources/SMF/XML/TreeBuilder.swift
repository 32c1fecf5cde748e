internal import CLibXML2
import Diagnostics

/// Copies libxml2's tree into `XMLElementNode` values, adding the attribute
/// defaults of the DTD the document was checked against (what svccfg's
/// `XML_PARSE_DTDATTR` does), so later stages never touch libxml2.
///
/// Recursion depth is bounded by libxml2's own nesting limit (256 levels
/// without `XML_PARSE_HUGE`): a deeper document never reaches here.
///
/// Entity references reach here unexpanded (the parser runs without
/// `NOENT`); `expansion` expands them against the document's budget, and
/// the first reference past it stops the build.
struct TreeBuilder {
    let file: String
    let document: xmlDocPtr
    /// Element name → attributes with a default value (see `ParsedDTD`).
    let defaults: [String: [XMLAttribute]]
    let expansion: EntityExpansion

    func element(_ node: xmlNodePtr) throws(EntityExpansion.Refusal) -> XMLElementNode {
        let name = qualifiedName(node.pointee.name, namespace: node.pointee.ns)
        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let attributeName = qualifiedName(current.pointee.name, namespace: current.pointee.ns)
            attributes.append(XMLAttribute(name: attributeName, value: try value(of: current)))
            attribute = current.pointee.next
        }
        for fallback in defaults[name] ?? [] where !attributes.contains(where: { $0.name == fallback.name }) {
            attributes.append(fallback)
        }

        var children: [XMLContent] = []
        // Adjacent text, CDATA and references make one text child; appended
        // in place, so many small pieces cost their length, not its square.
        var text = ""
        var hasText = false
        func flushText() {
            if hasText { children.append(.text(text)) }
            text = ""
            hasText = false
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                flushText()
                children.append(.element(try element(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                text += content(of: current)
                hasText = true
            case XML_ENTITY_REF_NODE:
                text += try expansion.expand(reference: current)
                hasText = true
            case XML_COMMENT_NODE:
                flushText()
                children.append(.comment(content(of: current)))
            default:
                break
            }
            child = current.pointee.next
        }
        flushText()

        let namespaceURI = node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        return XMLElementNode(
            name: name, namespaceURI: namespaceURI, attributes: attributes, children: children,
            location: SourceLocation(file: file, line: max(Int(xmlGetLineNo(node)), 0)))
    }

    private func qualifiedName(_ local: UnsafePointer<xmlChar>?, namespace: xmlNsPtr?) -> String {
        let name = local.map { String(cString: $0) } ?? ""
        guard let prefix = namespace?.pointee.prefix else { return name }
        return String(cString: prefix) + ":" + name
    }

    /// The attribute's value with its references expanded (what
    /// `xmlNodeListGetString` would give, without its cost per reference).
    private func value(of attribute: xmlAttrPtr) throws(EntityExpansion.Refusal) -> String {
        var value = ""
        var pieces = 0
        var written = 0
        var lastReference: xmlNodePtr?
        var piece = attribute.pointee.children
        while let current = piece {
            pieces += 1
            switch current.pointee.type {
            case XML_TEXT_NODE:
                let text = content(of: current)
                written += text.utf8.count
                value += text
            case XML_ENTITY_REF_NODE:
                written += (current.pointee.name.map { Int(xmlStrlen($0)) } ?? 0) + 2
                lastReference = current
                value += try expansion.expand(reference: current)
            default:
                break
            }
            piece = current.pointee.next
        }
        if let lastReference {
            let name = qualifiedName(attribute.pointee.name, namespace: attribute.pointee.ns)
            try expansion.chargeAttribute(named: name, pieces: pieces, length: written, lastReference: lastReference)
        }
        return value
    }

    private func content(of node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { smfkit_xml_free(text) }
        return String(cString: text)
    }
}
