import Diagnostics

/// Where each value of a definition was written, keyed by its path in the
/// document: `cluster`, `nodes[1].address`, `etcd.client_port`. Checks look
/// positions up here; a path that is absent was defaulted, and its diagnostic
/// points at the nearest written parent (finally the file itself).
public struct SourceMap: Hashable, Sendable {
    public var file: String
    /// Position of the value of each key path.
    public var values: [String: SourceLocation]
    /// Position of the key itself (for unknown/duplicate key errors).
    public var keys: [String: SourceLocation]
    /// Where a string value's first character is, for values the file spells
    /// character for character on one line (plain, or quoted without escapes),
    /// so a diagnostic can point at one character inside it.
    public var verbatimStarts: [String: SourceLocation]

    public init(file: String, values: [String: SourceLocation] = [:], keys: [String: SourceLocation] = [:],
                verbatimStarts: [String: SourceLocation] = [:]) {
        self.file = file
        self.values = values
        self.keys = keys
        self.verbatimStarts = verbatimStarts
    }

    /// The position of the character at `offset` (in Unicode scalars) of
    /// `path`'s value where the file spells it verbatim; else the value's.
    public func location(of path: String, characterOffset offset: Int) -> SourceLocation {
        guard var start = verbatimStarts[path] else { return location(of: path) }
        start.column += offset
        return start
    }

    /// The position of `path`'s value, or of its nearest parent that was written.
    public func location(of path: String) -> SourceLocation {
        var candidate = path
        while true {
            if let found = values[candidate] { return found }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            candidate = String(candidate[..<cut])
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}

/// A definition as loaded: the values and where they were written.
public struct LoadedDefinition: Hashable, Sendable {
    public var definition: ClusterDefinition
    public var sourceMap: SourceMap

    public init(definition: ClusterDefinition, sourceMap: SourceMap) {
        self.definition = definition
        self.sourceMap = sourceMap
    }
}
