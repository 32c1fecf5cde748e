import Diagnostics

/// An element of a parsed document, exactly as written (plus the attribute
/// defaults the DTD supplies, as svccfg sees them). The `ServiceBundle` model
/// is read from this tree; the tree itself is kept so that a check can look at
/// anything the model does not carry (an unknown attribute, an illegal child).
public struct XMLElementNode: Hashable, Sendable {
    /// The qualified name as written: `service`, `xi:include`.
    public var name: String
    /// The namespace the element's prefix is bound to, if any.
    public var namespaceURI: String?
    /// Attributes in document order, then the DTD's defaults for the ones
    /// not written.
    public var attributes: [XMLAttribute]
    public var children: [XMLContent]
    public var location: SourceLocation

    public init(
        name: String, namespaceURI: String? = nil, attributes: [XMLAttribute] = [],
        children: [XMLContent] = [], location: SourceLocation
    ) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.location = location
    }

    /// The local part of `name` (`include` for `xi:include`).
    public var localName: String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The value of the attribute with this qualified name, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The element children, in order.
    public var elements: [XMLElementNode] {
        children.compactMap {
            if case .element(let element) = $0 { return element }
            return nil
        }
    }

    /// The element children with this name, in order.
    public func elements(named name: String) -> [XMLElementNode] {
        elements.filter { $0.name == name }
    }

    /// The character data directly inside this element (text and CDATA).
    public var text: String {
        children.map {
            if case .text(let text) = $0 { return text }
            return ""
        }.joined()
    }
}

/// An attribute and whether the file wrote it or the DTD supplied it.
public struct XMLAttribute: Hashable, Sendable {
    /// The qualified name: `name`, `xml:lang`.
    public var name: String
    public var value: String
    /// True when the value is the DTD's default, not written in the file.
    public var isDefaulted: Bool

    public init(name: String, value: String, isDefaulted: Bool = false) {
        self.name = name
        self.value = value
        self.isDefaulted = isDefaulted
    }
}

/// What an element contains.
public enum XMLContent: Hashable, Sendable {
    case element(XMLElementNode)
    /// Text or CDATA, with entity references replaced by their text.
    case text(String)
    case comment(String)
}
