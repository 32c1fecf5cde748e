import CLibXML2
import Diagnostics

/// Copies libxml2's tree into `XMLElementNode` values, adding the attribute
/// defaults of the DTD the document was checked against (what svccfg's
/// `XML_PARSE_DTDATTR` does), so later stages never touch libxml2.
///
/// Recursion depth is bounded by libxml2's own nesting limit (256 levels
/// without `XML_PARSE_HUGE`): a deeper document never reaches here.
struct TreeBuilder {
    let file: String
    let document: xmlDocPtr
    /// Element name → attributes with a default value (see `ParsedDTD`).
    let defaults: [String: [XMLAttribute]]

    func element(_ node: xmlNodePtr) -> XMLElementNode {
        let name = qualifiedName(node.pointee.name, namespace: node.pointee.ns)
        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let attributeName = qualifiedName(current.pointee.name, namespace: current.pointee.ns)
            attributes.append(XMLAttribute(name: attributeName, value: value(of: current)))
            attribute = current.pointee.next
        }
        for fallback in defaults[name] ?? [] where !attributes.contains(where: { $0.name == fallback.name }) {
            attributes.append(fallback)
        }

        var children: [XMLContent] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(element(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_ENTITY_REF_NODE:
                // Entity references are expanded here, not by the parser; the
                // parser has already refused any whose expansion is too large.
                let text = content(of: current)
                if case .text(let previous)? = children.last {
                    children[children.count - 1] = .text(previous + text)
                } else {
                    children.append(.text(text))
                }
            case XML_COMMENT_NODE:
                children.append(.comment(content(of: current)))
            default:
                break
            }
            child = current.pointee.next
        }

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

    private func value(of attribute: xmlAttrPtr) -> String {
        guard let text = xmlNodeListGetString(document, attribute.pointee.children, 1) else { return "" }
        defer { smfkit_xml_free(text) }
        return String(cString: text)
    }

    private func content(of node: xmlNodePtr) -> String {
        guard let text = xmlNodeGetContent(node) else { return "" }
        defer { smfkit_xml_free(text) }
        return String(cString: text)
    }
}
