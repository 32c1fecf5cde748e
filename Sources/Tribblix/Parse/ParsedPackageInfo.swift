/// pkginfo(5): `PARAM="value"` lines, trailing blanks ignored, `#` comments.
public struct ParsedPackageInfo: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let line: NumberedLine
        public let parameter: String
        /// The value with its surrounding quotes removed.
        public let value: String
        public let valueColumn: Int
    }

    /// A line that is neither a comment, blank, nor `PARAM=value`.
    public struct Malformed: Hashable, Sendable {
        public let line: NumberedLine
        public let column: Int
        public let problem: String
    }

    public let path: String
    public let entries: [Entry]
    public let malformed: [Malformed]

    public init(text: String, path: String) {
        self.path = path
        var entries: [Entry] = []
        var malformed: [Malformed] = []
        for line in NumberedLine.split(text) where !line.isBlank && !line.text.hasPrefix("#") {
            var body = Substring(line.text)
            while let last = body.last, last == " " || last == "\t" { body = body.dropLast() }
            guard let equals = body.firstIndex(of: "=") else {
                malformed.append(Malformed(line: line, column: 1,
                                           problem: "'\(body)' is not PARAM=\"value\"; write the parameter, '=' and a quoted value"))
                continue
            }
            let parameter = String(body[..<equals])
            var value = body[body.index(after: equals)...]
            let valueColumn = parameter.count + 2
            if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else {
                    malformed.append(Malformed(line: line, column: valueColumn,
                                               problem: "the value of \(parameter) opens a quote it never closes; end it with '\"'"))
                    continue
                }
                value = value.dropFirst().dropLast()
                if value.contains("\"") {
                    malformed.append(Malformed(line: line, column: valueColumn,
                                               problem: "the value of \(parameter) contains a '\"', which pkginfo cannot escape; remove it"))
                    continue
                }
            }
            entries.append(Entry(line: line, parameter: parameter, value: String(value), valueColumn: valueColumn))
        }
        self.entries = entries
        self.malformed = malformed
    }

    public func value(of parameter: String) -> Entry? { entries.first { $0.parameter == parameter } }
}
