/// One file of a conversion, relative to the output directory.
public struct ConvertedFile: Hashable, Sendable {
    public var path: String
    public var contents: String
    /// POSIX permission bits: 0o644 for manifests, 0o755 for method scripts.
    public var mode: UInt16

    public init(path: String, contents: String, mode: UInt16 = 0o644) {
        self.path = path
        self.contents = contents
        self.mode = mode
    }
}
