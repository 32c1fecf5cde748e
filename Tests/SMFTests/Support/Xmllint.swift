import Foundation
import TestSupport
@testable import SMF

/// Runs the real `xmllint --noout --dtdvalid` (libxml2-utils) over many files
/// in one process and reads back which ones it found invalid.
enum Xmllint {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The files xmllint reports as not valid against `dtd`.
    static func invalidFiles(_ files: [String], dtd: String) throws -> Set<String> {
        guard !files.isEmpty else { return [] }
        guard let xmllint = findExecutable("xmllint") else {
            throw Failure(description: "xmllint is not installed (Debian: libxml2-utils)")
        }
        let run = try runProcess(xmllint, ["--noout", "--nonet", "--dtdvalid", dtd] + files)
        let text = run.stderr
        // xmllint exits 3 for DTD-invalid documents; anything but 0 or 3 means
        // it could not do its job (a missing file, an unparsable DTD, …).
        guard [0, 3].contains(run.status) else {
            throw Failure(description: "xmllint exited \(run.status): \(text.prefix(2000))")
        }
        var invalid = Set<String>()
        let prefix = "Document "
        let suffix = " does not validate against \(dtd)"
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) && line.hasSuffix(suffix) {
            invalid.insert(String(line.dropFirst(prefix.count).dropLast(suffix.count)))
        }
        return invalid
    }

    /// Writes `text` with the profile variant switched on, for xmllint.
    static func writeVariant(_ variant: DTDVariant, of text: String, to url: URL) throws {
        try variant.apply(to: text).write(to: url, atomically: true, encoding: .utf8)
    }
}
