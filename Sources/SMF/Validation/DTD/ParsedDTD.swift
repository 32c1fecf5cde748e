import CLibXML2
import Foundation

/// A DTD parsed by libxml2 from text in memory. libxml2 builds each element's
/// content-model automaton lazily on first use, writing into the DTD, so a
/// `ParsedDTD` belongs to one thread (see `DTDCache`).
final class ParsedDTD {
    let pointer: xmlDtdPtr
    /// Element name → attributes that have a default value, in declaration
    /// order: what the parser's `DTDATTR` option would add to the tree.
    let attributeDefaults: [String: [XMLAttribute]]

    private init(pointer: xmlDtdPtr) {
        self.pointer = pointer
        self.attributeDefaults = Self.defaults(of: pointer)
    }

    deinit {
        xmlFreeDtd(pointer)
    }

    /// Parses `text`; on failure returns the problems libxml2 reported.
    static func parse(_ text: String) -> Result<ParsedDTD, DTDParseFailure> {
        LibXML2Setup.ensure()
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else {
            return .failure(DTDParseFailure(issues: []))
        }
        let collector = XMLIssueCollector(source: .dtd)
        // xmlIOParseDTD makes its own parser context, so the only way to hear
        // its errors is the thread's structured handler. libxml2 keeps that
        // handler per thread; we restore the previous one straight after.
        let savedHandler = __xmlStructuredError().pointee
        let savedContext = __xmlStructuredErrorContext().pointee
        __xmlStructuredError().pointee = collectIntoCollector
        __xmlStructuredErrorContext().pointee = Unmanaged.passUnretained(collector).toOpaque()
        defer {
            __xmlStructuredError().pointee = savedHandler
            __xmlStructuredErrorContext().pointee = savedContext
        }
        let dtd: xmlDtdPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let input = xmlParserInputBufferCreateMem(
                    UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                    XML_CHAR_ENCODING_NONE)
            else { return nil }
            // Takes ownership of `input`.
            return xmlIOParseDTD(nil, input, XML_CHAR_ENCODING_UTF8)
        }
        let errors = collector.issues.filter(\.isError)
        guard let dtd, errors.isEmpty else {
            if let dtd { xmlFreeDtd(dtd) }
            return .failure(DTDParseFailure(issues: errors))
        }
        return .success(ParsedDTD(pointer: dtd))
    }

    private static func defaults(of dtd: xmlDtdPtr) -> [String: [XMLAttribute]] {
        var result: [String: [XMLAttribute]] = [:]
        var child = dtd.pointee.children
        while let node = child {
            if node.pointee.type == XML_ATTRIBUTE_DECL {
                let declaration = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlAttribute.self).pointee
                let hasDefault = declaration.def == XML_ATTRIBUTE_NONE || declaration.def == XML_ATTRIBUTE_FIXED
                if hasDefault, let element = declaration.elem, let name = declaration.name,
                   let value = declaration.defaultValue
                {
                    let prefix = declaration.prefix.map { String(cString: $0) }
                    let qualified = prefix.map { $0 + ":" + String(cString: name) } ?? String(cString: name)
                    // Namespace declarations (`xmlns:xi`) are not attributes.
                    if prefix != "xmlns", qualified != "xmlns" {
                        result[String(cString: element), default: []].append(
                            XMLAttribute(name: qualified, value: String(cString: value), isDefaulted: true))
                    }
                }
            }
            child = node.pointee.next
        }
        return result
    }
}

/// The DTD text did not parse.
struct DTDParseFailure: Error {
    var issues: [XMLIssue]
}

/// The structured-error callback used with the thread's handler: the context
/// pointer is the collector itself.
let collectIntoCollector: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    Unmanaged<XMLIssueCollector>.fromOpaque(userData).takeUnretainedValue().record(error)
}
