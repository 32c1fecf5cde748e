/// A whitespace-field file (depend(5), prototype(5)) with positions.
public struct ParsedFieldFile: Hashable, Sendable {
    public let path: String
    public let lines: [NumberedLine]

    public init(text: String, path: String) {
        self.path = path
        self.lines = NumberedLine.split(text)
    }
}
