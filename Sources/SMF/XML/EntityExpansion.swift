internal import CLibXML2

/// Expands internal-entity references for the tree builder, against one
/// budget for the whole document.
///
/// The parser runs without `XML_PARSE_NOENT` (entities are not substituted
/// into the tree), so libxml2's own amplification limits never see the
/// expansion: each reference reaches the tree builder unexpanded, and the
/// builder puts the entity's full text in its place. A small file whose
/// 10 KB entity is referenced ten thousand times would otherwise grow to
/// 100 MB in memory, in the model, and in any diagnostic quoting it. So
/// every reference is charged the size of its expansion, and the first
/// reference that takes the document past the budget refuses the document.
///
/// The budget follows libxml2's own rule for substituted entities
/// (`xmlParserEntityCheck`): a fixed allowance plus a multiple of the input.
/// Each entity's text is built once and shared, so the cost is linear in
/// what the budget allows.
final class EntityExpansion {
    /// Bytes any document may expand to, whatever its size (libxml2's
    /// `XML_PARSER_ALLOWED_EXPANSION`).
    static let allowance = 1_000_000
    /// Plus this many bytes per byte of input (libxml2's non-linear factor).
    static let factor = 10

    /// Bytes libxml2's DTD check may scan re-joining attribute values. It
    /// joins the pieces of an attribute value (text, `&name;`) one at a time,
    /// each time measuring what it has so far: an attribute of k pieces and
    /// n bytes costs about k × n. Real manifests stay far below (a handful of
    /// references in a few attributes).
    static let attributeJoinBudget = 500_000_000

    struct Refusal: Error {
        enum Reason {
            /// Expanding the reference would pass `budget`.
            case expansion(expandedSize: Int, spent: Int, budget: Int)
            /// The attribute holding the reference has so many pieces that
            /// re-joining them would pass `attributeJoinBudget`.
            case attributePieces(attribute: String, pieces: Int)
        }

        var reason: Reason
        /// The entity of the reference that went over, and the line of the
        /// element the reference is in (libxml2 keeps none for references).
        var entity: String
        var elementLine: Int
        /// How many references to this entity came before it in document
        /// order (to find its column in the source).
        var ordinal: Int
    }

    let document: xmlDocPtr
    let budget: Int
    private(set) var spent = 0
    private var attributeJoinCost = 0
    private var sizes: [UnsafeMutableRawPointer: Int] = [:]
    private var texts: [UnsafeMutableRawPointer: String] = [:]
    private var references: [String: Int] = [:]

    init(document: xmlDocPtr, inputSize: Int) {
        self.document = document
        let (scaled, overflow) = inputSize.multipliedReportingOverflow(by: Self.factor)
        budget = overflow ? Int.max : Self.allowance.addingReportingOverflow(scaled).partialValue
    }

    /// The text of the entity reference `node`, charged to the budget; ""
    /// for an entity smfkit does not read (external, or undeclared).
    func expand(reference node: xmlNodePtr) throws(Refusal) -> String {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        let ordinal = references[name, default: 0]
        references[name] = ordinal + 1
        guard let entity = entity(referencedBy: node) else { return "" }
        let size = expandedSize(of: entity)
        let (total, overflow) = spent.addingReportingOverflow(size)
        guard !overflow, total <= budget else {
            throw Refusal(reason: .expansion(expandedSize: size, spent: spent, budget: budget), entity: name,
                          elementLine: elementLine(of: node), ordinal: ordinal)
        }
        spent = total
        return text(of: entity)
    }

    /// Charges an attribute of `pieces` text and reference nodes,
    /// `length` bytes as written, for libxml2 re-joining it; `lastReference`
    /// is where the refusal points.
    func chargeAttribute(named attribute: String, pieces: Int, length: Int, lastReference: xmlNodePtr)
        throws(Refusal)
    {
        let (cost, overflow) = pieces.multipliedReportingOverflow(by: length)
        let (total, overflowTotal) = attributeJoinCost.addingReportingOverflow(cost)
        guard !overflow, !overflowTotal, total <= Self.attributeJoinBudget else {
            let name = lastReference.pointee.name.map { String(cString: $0) } ?? ""
            throw Refusal(reason: .attributePieces(attribute: attribute, pieces: pieces), entity: name,
                          elementLine: elementLine(of: lastReference),
                          ordinal: max(references[name, default: 1] - 1, 0))
        }
        attributeJoinCost = total
    }

    private func elementLine(of node: xmlNodePtr) -> Int {
        var current = node.pointee.parent
        while let parent = current, parent.pointee.type != XML_ELEMENT_NODE { current = parent.pointee.parent }
        return current.map { Int(xmlGetLineNo($0)) } ?? 0
    }

    /// Only internal general entities: an external one is never read (its
    /// reference expands to nothing, as `undefinedEntityProblems` reports).
    private func entity(referencedBy node: xmlNodePtr) -> xmlEntityPtr? {
        guard let name = node.pointee.name, let entity = xmlGetDocEntity(document, name),
              entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY
        else { return nil }
        return entity
    }

    /// The length of the entity's expanded text, without building it.
    /// libxml2 refuses entity loops while parsing; `inProgress` makes sure
    /// a loop could never recurse here either.
    private func expandedSize(of entity: xmlEntityPtr) -> Int {
        let key = UnsafeMutableRawPointer(entity)
        if let size = sizes[key] { return size }
        sizes[key] = 0
        let size = listSize(entity.pointee.children)
        sizes[key] = size
        return size
    }

    private func listSize(_ first: xmlNodePtr?) -> Int {
        var total = 0
        var node = first
        while let current = node {
            let size: Int
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                size = current.pointee.content.map { Int(xmlStrlen($0)) } ?? 0
            case XML_ENTITY_REF_NODE:
                size = entity(referencedBy: current).map(expandedSize) ?? 0
            case XML_ELEMENT_NODE:
                size = listSize(current.pointee.children)
            default:
                size = 0
            }
            total = total.addingReportingOverflow(size).overflow ? Int.max : total + size
            node = current.pointee.next
        }
        return total
    }

    /// Built once per entity, only after its size was charged.
    private func text(of entity: xmlEntityPtr) -> String {
        let key = UnsafeMutableRawPointer(entity)
        if let text = texts[key] { return text }
        texts[key] = ""
        var text = ""
        appendText(of: entity.pointee.children, to: &text)
        texts[key] = text
        return text
    }

    private func appendText(of first: xmlNodePtr?, to text: inout String) {
        var node = first
        while let current = node {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            case XML_ENTITY_REF_NODE:
                if let entity = entity(referencedBy: current) { text += self.text(of: entity) }
            case XML_ELEMENT_NODE:
                appendText(of: current.pointee.children, to: &text)
            default:
                break
            }
            node = current.pointee.next
        }
    }
}
