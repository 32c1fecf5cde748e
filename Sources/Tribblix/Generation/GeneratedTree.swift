import Output
/// A directory a renderer wants to exist even if no file lands in it
/// (an empty data directory in a package's proto tree).
public struct GeneratedDirectory: Hashable, Sendable {
    public let path: String
    public let mode: UInt16

    public init(path: String, mode: UInt16 = 0o755) {
        self.path = path
        self.mode = mode
    }
}

/// Files and directories relative to one root, sorted by path.
public struct GeneratedTree: Hashable, Sendable {
    public let files: [GeneratedFile]
    public let directories: [GeneratedDirectory]

    public init(files: [GeneratedFile], directories: [GeneratedDirectory] = []) {
        self.files = files.sorted { $0.path < $1.path }
        self.directories = directories.sorted { $0.path < $1.path }
    }
}
