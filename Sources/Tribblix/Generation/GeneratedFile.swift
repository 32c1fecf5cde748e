/// A file a renderer produced: where it goes (relative to a directory the
/// caller chooses), its text, and its permission bits. The library never
/// touches the disk; the `write` stage of the pipeline does.
public struct GeneratedFile: Hashable, Sendable {
    public let path: String
    public let contents: String
    /// POSIX permission bits, e.g. `0o644`, `0o755`.
    public let mode: Int

    public init(path: String, contents: String, mode: Int = 0o644) {
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
