internal import CLibXML2
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
    /// - no `NOENT`: entities are not substituted into the tree. (So
    ///   libxml2's amplification limit below never sees their expansion:
    ///   `EntityExpansion` holds the tree builder to a budget of its own.)
    /// - no `DTDLOAD` / `DTDVALID` / `XINCLUDE`: the DOCTYPE's SYSTEM id and
    ///   any `xi:include` href are never opened; we validate against a DTD we
    ///   parsed ourselves and fill its defaults in ourselves.
    /// - no `HUGE`: libxml2's limits on depth, text size and the
    ///   amplification of entities nested in entity declarations stay on.
    /// - `BIG_LINES`: line numbers past 65535 stay exact.
    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)

    static let chunkSize = 1 << 16

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
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            // The push parser, fed in chunks: libxml2 discards input it has
            // consumed, so its 10 MB look-up limit applies to the part being
            // parsed, not to the whole file (a 50 MB manifest parses; one
            // 50 MB attribute value still does not).
            let first = min(buffer.count, 4)
            guard let context = xmlCreatePushParserCtxt(nil, nil, base, Int32(first), nil) else { return nil }
            let collector = XMLIssueCollector(source: .parser)
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            context.pointee.sax.pointee.serror = collectStructuredError
            _ = xmlCtxtUseOptions(context, options)
            var offset = first
            repeat {
                let length = min(chunkSize, buffer.count - offset)
                let isLast = offset + length == buffer.count
                let status = xmlParseChunk(context, base + offset, Int32(length), isLast ? 1 : 0)
                offset += length
                // Past a fatal error libxml2 reads no further.
                if status != 0 && context.pointee.wellFormed == 0 { break }
            } while offset < buffer.count
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
