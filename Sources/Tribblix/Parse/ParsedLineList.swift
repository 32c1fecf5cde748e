/// A one-item-a-line file (`.pkgs`, zap's `deprecated.ovl`).
public struct ParsedLineList: Hashable, Sendable {
    public let path: String
    public let lines: [NumberedLine]

    public init(text: String, path: String) {
        self.path = path
        self.lines = NumberedLine.split(text)
    }

    /// The non-blank lines, which are the items.
    public var items: [NumberedLine] { lines.filter { !$0.isBlank } }
}
