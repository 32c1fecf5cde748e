/// `.smfkit-generated`: what smfkit wrote into an output directory, one line
/// per file, `SHA256  PATH` exactly as `sha256sum` prints it (so
/// `sha256sum -c .smfkit-generated` in the directory checks it).
///
/// Its presence says the directory is smfkit's; its hashes say which files
/// are still what smfkit wrote. A file is replaced or removed only when its
/// bytes still hash to the recorded value: a line someone added for their own
/// file, or a generated file someone edited, does not match, and the file is
/// kept. A marker of an older smfkit (paths only) proves nothing about
/// content: its files count as edited unless identical to the new output.
struct GenerationMarker: Equatable {
    static let fileName = ".smfkit-generated"

    /// Relative path → SHA-256 in hex; nil for a line without a hash.
    var hashes: [String: String?] = [:]

    init(files: [GeneratedFile]) {
        for file in files { hashes[file.path] = ContentHash.sha256(Array(file.contents.utf8)) }
    }

    init(parsing text: String) {
        for line in text.split(separator: "\n") {
            // `HASH  PATH` (sha256sum's text mode) or `HASH *PATH` (binary).
            let hex = line.prefix(64)
            let rest = line.dropFirst(64)
            if hex.count == 64, hex.allSatisfy(\.isHexDigit), rest.hasPrefix("  ") || rest.hasPrefix(" *") {
                hashes[String(rest.dropFirst(2))] = String(hex).lowercased()
            } else {
                hashes[String(line)] = .some(nil)
            }
        }
    }

    /// Whether `bytes` are what smfkit wrote at `path`.
    func isUnchanged(_ path: String, bytes: [UInt8]) -> Bool {
        guard let recorded = hashes[path], let recorded else { return false }
        return recorded == ContentHash.sha256(bytes)
    }

    func rendered() -> String {
        hashes.keys.sorted().map { path in "\((hashes[path] ?? nil) ?? "")  \(path)\n" }.joined()
    }
}

/// The marker's name, for readers of an output directory (plan, validate).
public enum GeneratedTreeMarker {
    public static let fileName = GenerationMarker.fileName
}
