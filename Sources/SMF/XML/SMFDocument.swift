import Diagnostics
import Foundation

/// One SMF XML file, read: its DOCTYPE, its element tree (with the DTD's
/// attribute defaults filled in, as svccfg sees it), the `ServiceBundle` model,
/// and the document-level problems found on the way.
///
/// ```swift
/// let document = try SMFDocument.load(path: "manifest.xml")
/// if let bundle = document.bundle { … }
/// ```
/// Loading never validates against the DTD; `Validator` does that (and reads
/// the document the same way).
public struct SMFDocument: Sendable {
    public var path: String
    /// The DOCTYPE, when the file has one.
    public var doctype: Doctype?
    /// The root element; nil when the file is empty or not well-formed.
    public var root: XMLElementNode?
    /// The model; nil unless the root element is `service_bundle`.
    public var bundle: ServiceBundle?
    /// Comments before the root element, in order.
    public var leadingComments: [String]
    /// Well-formedness, DOCTYPE and root-element problems (rules
    /// `smf.xml.well-formed`, `smf.document.doctype`, `smf.document.root`).
    public var problems: [Diagnostic]

    public init(
        path: String, doctype: Doctype? = nil, root: XMLElementNode? = nil, bundle: ServiceBundle? = nil,
        leadingComments: [String] = [], problems: [Diagnostic] = []
    ) {
        self.path = path
        self.doctype = doctype
        self.root = root
        self.bundle = bundle
        self.leadingComments = leadingComments
        self.problems = problems
    }

    /// `<!DOCTYPE name PUBLIC "publicID" "systemID" [internal subset]>`.
    public struct Doctype: Hashable, Sendable {
        public var name: String
        public var publicID: String?
        public var systemID: String?
        public var hasInternalSubset: Bool
    }

    public struct ReadError: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "\(path): cannot read file: \(reason)" }

        /// As a diagnostic (rule `smf.io.unreadable`).
        public var diagnostic: Diagnostic {
            .error("cannot read file: \(reason)", rule: DocumentRuleID.unreadable, at: SourceLocation(file: path))
        }
    }

    /// Reads and loads the file at `path`. Attribute defaults come from `dtd`
    /// (default: the DTD `DTDSource.choose` picks).
    public static func load(path: String, dtd: DTDSource? = nil) throws(ReadError) -> SMFDocument {
        let data = try readFile(path)
        return load(data: data, path: path, dtd: dtd)
    }

    /// Loads a document from bytes; `path` is only used in locations.
    public static func load(data: Data, path: String, dtd: DTDSource? = nil) -> SMFDocument {
        let source = dtd ?? ((try? DTDSource.choose(override: nil)) ?? .embedded)
        let loader = DocumentLoader(dtd: DTDCache(source: source))
        return loader.load(data: data, path: path, checkDTD: false).document
    }

    static func readFile(_ path: String) throws(ReadError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw ReadError(path: path, reason: "is a directory") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(path: path, reason: "permission denied or I/O error")
        }
    }
}
