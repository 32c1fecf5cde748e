/// A file something produced — a generation, a conversion, a package's
/// descriptors: where it goes (relative to a directory the caller chooses),
/// its text, and its permission bits. Producers never touch the disk; the
/// `OutputWriter` does.
public struct GeneratedFile: Hashable, Sendable {
    public var path: String
    public var contents: String
    /// POSIX permission bits: 0o644 for data, 0o755 for scripts.
    public var mode: UInt16

    public init(path: String, contents: String, mode: UInt16 = 0o644) {
        self.path = path
        self.contents = contents
        self.mode = mode
    }
}

extension Array where Element == GeneratedFile {
    /// The same files keyed by path, for callers that only want the text.
    public var contentsByPath: [String: String] {
        Dictionary(map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }
}
