/// prototype(5): `[part] ftype class pathname [major minor] [mode owner group]`,
/// `i name=source`, `!command` lines and `#` comments.
public struct ParsedPrototype: Hashable, Sendable {
    public struct Object: Hashable, Sendable {
        public let line: NumberedLine
        /// The fields from the file type on (the optional part number dropped).
        public let fields: [Field]

        public var fileType: Field { fields[0] }
    }

    public let path: String
    public let objects: [Object]
    /// Lines starting with `!` (`!default`, `!include`, `!search`, `!PARAM=`).
    public let commands: [NumberedLine]

    public init(text: String, path: String) {
        self.path = path
        var objects: [Object] = []
        var commands: [NumberedLine] = []
        for line in NumberedLine.split(text) where !line.isBlank {
            var fields = line.fields
            guard let first = fields.first else { continue }
            if first.text.hasPrefix("#") { continue }
            if first.text.hasPrefix("!") { commands.append(line); continue }
            if first.text.allSatisfy(\.isNumber), fields.count > 1 { fields.removeFirst() }
            objects.append(Object(line: line, fields: fields))
        }
        self.objects = objects
        self.commands = commands
    }

    /// Whether a `!default mode owner group` lets objects leave those out.
    public var hasDefaultCommand: Bool {
        commands.contains { $0.fields.first?.text == "!default" }
    }
}
