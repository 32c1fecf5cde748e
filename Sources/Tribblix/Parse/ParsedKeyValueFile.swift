/// A file of `KEY=value` lines read the way zap's shell reads them: the key
/// is everything before the first `=`, the value everything after, nothing
/// trimmed or unquoted. Used for `.ovl` and repository definitions.
public struct ParsedKeyValueFile: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let line: NumberedLine
        /// nil when the line has no `=` at all.
        public let key: String?
        public let value: String
        /// 1-based column where the value starts.
        public let valueColumn: Int
    }

    public let path: String
    public let entries: [Entry]

    public init(text: String, path: String) {
        self.path = path
        entries = NumberedLine.split(text).map { line in
            guard let equals = line.text.firstIndex(of: "=") else {
                return Entry(line: line, key: nil, value: "", valueColumn: 1)
            }
            let key = String(line.text[..<equals])
            let value = String(line.text[line.text.index(after: equals)...])
            return Entry(line: line, key: key, value: value, valueColumn: key.count + 2)
        }
    }

    public func entries(for key: String) -> [Entry] { entries.filter { $0.key == key } }

    /// The stem of the file name (`patroni` for `…/patroni.ovl`).
    public var fileStem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }
}
