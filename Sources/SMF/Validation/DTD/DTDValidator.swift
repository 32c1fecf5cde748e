import CLibXML2

/// Checks a parsed document against a parsed DTD with libxml2's own validator
/// (`xmlValidateDtd`, what `xmllint --dtdvalid` runs), so the verdict is
/// libxml2's, not ours.
enum DTDValidator {
    /// The validity errors of `parsed` against `dtd`; empty when valid.
    static func validate(_ parsed: ParsedXML, against dtd: ParsedDTD) -> [XMLIssue] {
        guard let document = parsed.document else { return [] }
        return withValidationContext(parsed) { context in
            _ = xmlValidateDtd(context, document, dtd.pointer)
        }
    }

    /// The validity errors of `element` and its subtree alone, against `dtd`
    /// (what svccfg apply's `lxml_validate_element` runs on some elements).
    static func validateElement(_ element: xmlNodePtr, of parsed: ParsedXML, against dtd: ParsedDTD) -> [XMLIssue] {
        guard let document = parsed.document else { return [] }
        let savedSubset = document.pointee.extSubset
        document.pointee.extSubset = dtd.pointer
        defer { document.pointee.extSubset = savedSubset }
        return withValidationContext(parsed) { context in
            _ = xmlValidateElement(context, document, element)
        }
    }

    private static func withValidationContext(_ parsed: ParsedXML, _ body: (xmlValidCtxtPtr) -> Void) -> [XMLIssue] {
        let parser = parsed.context
        let collector = XMLIssueCollector(source: .validity)
        let savedCollector = parser.pointee._private
        parser.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        defer { parser.pointee._private = savedCollector }

        // We validate with the validation context embedded in the parser
        // context. libxml2 marks it when it sets the parser context up
        // (`finishDtd` magic in 2.9, `XML_VCTXT_USE_PCTXT` later) and, seeing
        // it sits inside a parser context, sends its errors to that parser
        // context's structured handler — ours, per context — instead of the
        // process-wide one. It recognises it by its address, so take that
        // address, not a copy.
        guard let offset = MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.vctxt) else { return [] }
        let context = UnsafeMutableRawPointer(parser).advanced(by: offset)
            .assumingMemoryBound(to: xmlValidCtxt.self)
        context.pointee.userData = UnsafeMutableRawPointer(parser)
        context.pointee.error = nil
        context.pointee.warning = nil
        context.pointee.valid = 1
        body(context)
        return collector.issues.filter(\.isError)
    }
}
