/// One problem found in a user's file, reported the way a compiler does:
/// `path:line:col: error: message [rule-id]`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var location: SourceLocation
    public var severity: Severity
    /// A stable id such as `smf.value.boolean`; tests and users key on it.
    public var rule: String
    public var message: String

    public init(_ severity: Severity, _ message: String, rule: String, at location: SourceLocation) {
        self.location = location
        self.severity = severity
        self.rule = rule
        self.message = Self.bounded(message)
    }

    public static func error(_ message: String, rule: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, rule: rule, at: location)
    }

    public static func warning(_ message: String, rule: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, rule: rule, at: location)
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(rule)]"
    }

    // JSON shape fixed by the command-line contract:
    // {file, line, column, severity, rule, message}.
    private enum CodingKeys: String, CodingKey {
        case file, line, column, severity, rule, message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        location = SourceLocation(
            file: try container.decode(String.self, forKey: .file),
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column)
        )
        severity = try container.decode(Severity.self, forKey: .severity)
        rule = try container.decode(String.self, forKey: .rule)
        message = try container.decode(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.file, forKey: .file)
        try container.encode(location.line, forKey: .line)
        try container.encode(location.column, forKey: .column)
        try container.encode(severity, forKey: .severity)
        try container.encode(rule, forKey: .rule)
        try container.encode(message, forKey: .message)
    }
}

extension Sequence where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then rule, so output is deterministic
    /// whatever order the checks (or threads) produced them in.
    public func sortedForOutput() -> [Diagnostic] {
        sorted {
            ($0.location.file, $0.location.line, $0.location.column, $0.rule, $0.message)
                < ($1.location.file, $1.location.line, $1.location.column, $1.rule, $1.message)
        }
    }
}
