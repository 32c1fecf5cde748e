/// One file of a generation, relative to the output directory.
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
