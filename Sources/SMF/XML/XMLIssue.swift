import CLibXML2

/// One message libxml2 raised while parsing or validating, copied out of its
/// `xmlError` so it outlives the parser.
struct XMLIssue: Hashable, Sendable {
    enum Source: Hashable, Sendable {
        /// Well-formedness, encoding, limits: the parser gave up.
        case parser
        /// DTD validity.
        case validity
        /// The DTD text itself does not parse.
        case dtd
    }

    var source: Source
    /// libxml2's error code (`xmlParserErrors`).
    var code: Int32
    var isError: Bool
    var line: Int
    var column: Int
    var message: String
    /// The address of the node the message is about (validity errors), to
    /// tell which part of the tree it concerns; meaningful only while its
    /// document is alive.
    var nodeAddress: UInt?
}

/// Receives libxml2's structured errors for one parser context. libxml2 hands
/// the context back to the callback, and the context's `_private` points here,
/// so two threads parsing at once never share a collector.
final class XMLIssueCollector {
    var source: XMLIssue.Source
    private(set) var issues: [XMLIssue] = []
    /// A hostile file can make libxml2 raise one error per byte; past this
    /// many the rest add nothing a user can act on.
    let limit = 1000

    init(source: XMLIssue.Source) {
        self.source = source
    }

    func record(_ error: UnsafePointer<xmlError>) {
        guard issues.count < limit else { return }
        let raw = error.pointee
        let level = raw.level
        let isError = level == XML_ERR_ERROR || level == XML_ERR_FATAL
        var line = Int(raw.line)
        var nodeAddress: UInt?
        if let pointer = raw.node {
            nodeAddress = UInt(bitPattern: pointer)
            let xmlNode = pointer.assumingMemoryBound(to: xmlNode.self)
            if xmlNode.pointee.type == XML_ELEMENT_NODE {
                let nodeLine = Int(xmlGetLineNo(xmlNode))
                if nodeLine > 0 { line = nodeLine }
            }
        }
        var message = raw.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let issue = XMLIssue(
            source: source, code: raw.code, isError: isError, line: max(line, 0), column: max(Int(raw.int2), 0),
            message: message, nodeAddress: nodeAddress)
        if issues.last != issue { issues.append(issue) }
    }
}

/// The `serror` callback installed on every parser context we create.
let collectStructuredError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let collectorPointer = context.pointee._private else { return }
    let collector = Unmanaged<XMLIssueCollector>.fromOpaque(collectorPointer).takeUnretainedValue()
    collector.record(error)
}
