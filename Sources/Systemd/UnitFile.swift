import Diagnostics

/// One `Key=value` line of a unit file (or drop-in), continuation lines
/// already joined, with where its key starts.
public struct UnitAssignment: Hashable, Sendable {
    public var section: String
    public var key: String
    /// Leading and trailing whitespace removed; quotes and escapes are left
    /// to the directive that reads the value (systemd.syntax: each setting
    /// parses its own value).
    public var value: String
    public var location: SourceLocation

    public init(section: String, key: String, value: String, location: SourceLocation) {
        self.section = section
        self.key = key
        self.value = value
        self.location = location
    }
}

/// A unit file or drop-in as written: its assignments in file order.
public struct UnitFile: Hashable, Sendable {
    public var path: String
    public var assignments: [UnitAssignment]

    public init(path: String, assignments: [UnitAssignment]) {
        self.path = path
        self.assignments = assignments
    }
}
