import CLibXML2
import Foundation

/// A document libxml2 parsed, with the parser context kept alive so that
/// validation errors reach the same per-context error handler as parse errors.
/// Not thread-safe: one thread owns it for its whole life.
final class ParsedXML {
    let context: xmlParserCtxtPtr
    /// nil when the input is not well-formed.
    let document: xmlDocPtr?
    let collector: XMLIssueCollector
    /// Namespace declarations taken out of the tree; freed after the document.
    var detachedNamespaces: [xmlNsPtr] = []

    /// Options chosen so that parsing can never reach outside the bytes given:
    /// - `NONET`: no network access, even if a loader were to try.
    /// - no `NOENT`: entities are not substituted into the tree.
    /// - no `DTDLOAD` / `DTDVALID` / `XINCLUDE`: the DOCTYPE's SYSTEM id and
    ///   any `xi:include` href are never opened; we validate against a DTD we
    ///   parsed ourselves and fill its defaults in ourselves.
    /// - no `HUGE`: libxml2's limits on depth, text size and entity
    ///   amplification stay on.
    /// - `BIG_LINES`: line numbers past 65535 stay exact.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    private init(context: xmlParserCtxtPtr, document: xmlDocPtr?, collector: XMLIssueCollector) {
        self.context = context
        self.document = document
        self.collector = collector
    }

    deinit {
        if let document { xmlFreeDoc(document) }
        for namespace in detachedNamespaces { xmlFreeNs(namespace) }
        context.pointee._private = nil
        xmlFreeParserCtxt(context)
    }

    /// Parses `data`. Returns nil only for empty input, input past 2 GiB, or
    /// when libxml2 cannot allocate a context. Problems are in `collector.issues`.
    static func parse(_ data: Data) -> ParsedXML? {
        LibXML2Setup.ensure()
        guard data.count < Int(Int32.max) else { return nil }
        // libxml2 refuses a zero-length buffer; callers report an empty file.
        guard !data.isEmpty else { return nil }
        return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> ParsedXML? in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let context = xmlCreateMemoryParserCtxt(base, Int32(data.count))
            else { return nil }
            let collector = XMLIssueCollector(source: .parser)
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            context.pointee.sax.pointee.serror = collectStructuredError
            _ = xmlCtxtUseOptions(context, options)
            // Validation later runs through this context's own validation
            // context, so its errors reach the same handler (see DTDValidator).
            _ = xmlParseDocument(context)
            let wellFormed = context.pointee.wellFormed != 0
            var document = context.pointee.myDoc
            context.pointee.myDoc = nil
            if !wellFormed, let partial = document {
                xmlFreeDoc(partial)
                document = nil
            }
            return ParsedXML(context: context, document: document, collector: collector)
        }
    }
}
