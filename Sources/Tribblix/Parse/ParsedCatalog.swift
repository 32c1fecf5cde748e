/// A zap catalog: `|`-separated fields, `name|version||` for overlays,
/// `name|version|deps|size|md5|` for packages.
public struct ParsedCatalog: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public let line: NumberedLine
        public let fields: [String]

        /// Column where field `index` starts.
        public func column(ofField index: Int) -> Int {
            fields.prefix(index).reduce(1) { $0 + $1.count + 1 }
        }

        /// Which catalog this line belongs to, judged by its field count.
        public var shape: Shape? {
            switch fields.count {
            case 4: .overlay
            case 6: .package
            default: nil
            }
        }
    }

    public enum Shape: Hashable, Sendable { case overlay, package }

    public let path: String
    public let lines: [Line]

    public init(text: String, path: String) {
        self.path = path
        lines = NumberedLine.split(text).map {
            Line(line: $0, fields: $0.text.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
        }
    }
}
