internal import CLibXML2

/// One-time, process-wide libxml2 set-up, done before any parsing.
///
/// `xmlInitParser` must run once before libxml2 is used from several threads.
/// The external entity loader is the one process-wide hook libxml2 offers for
/// "load this URI"; ours refuses every request, so no document, DTD or entity
/// can make smfkit open a file or a network connection, whatever options a
/// caller passes. The DTD we validate against is parsed from memory and never
/// goes through the loader.
///
/// libxml2's generic error function prints to stderr; it is silenced here
/// for every thread (what it reports also reaches the structured handler,
/// or ends the parse).
enum LibXML2Setup {
    static func ensure() {
        _ = once
        // libxml2 keeps the function per thread; threads that existed
        // before `once` (a worker pool) get it on their first parse.
        smfkit_silence_generic_errors()
    }

    private static let once: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(refuseExternalEntity)
        smfkit_silence_generic_errors()
    }()
}

private func refuseExternalEntity(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    nil
}
