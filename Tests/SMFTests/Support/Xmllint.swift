import Foundation
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--nonet", "--dtdvalid", dtd] + files
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        // xmllint exits 3 for DTD-invalid documents; anything but 0 or 3 means
        // it could not do its job (a missing file, an unparsable DTD, …).
        guard [0, 3].contains(process.terminationStatus) else {
            throw Failure(description: "xmllint exited \(process.terminationStatus): \(text.prefix(2000))")
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
