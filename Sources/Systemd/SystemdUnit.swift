import Diagnostics

/// A unit as systemd loads it: the unit file, then its drop-ins in order,
/// read as one sequence of assignments (a drop-in's `Key=` comes after the
/// file's, so it overrides a single setting and resets or extends a list).
public struct SystemdUnit: Hashable, Sendable {
    public var name: UnitName
    /// The unit file first, then the drop-ins in the order systemd applies
    /// them (sorted by file name).
    public var files: [UnitFile]

    public init(name: UnitName, files: [UnitFile]) {
        self.name = name
        self.files = files
    }

    public var path: String { files.first?.path ?? name.description }

    public var assignments: [UnitAssignment] { files.flatMap(\.assignments) }

    /// A list setting (`After=`, `Environment=`, `ExecStartPre=`, …): every
    /// assignment after the last empty one, which resets the list
    /// (systemd.syntax: "assigning the empty string … resets the list").
    public func list(_ section: String, _ key: String) -> [UnitAssignment] {
        var result: [UnitAssignment] = []
        for assignment in assignments where assignment.section == section && assignment.key == key {
            if assignment.value.isEmpty {
                result.removeAll()
            } else {
                result.append(assignment)
            }
        }
        return result
    }

    /// A single setting: the last assignment wins, and an empty one means
    /// the default (nil).
    public func setting(_ section: String, _ key: String) -> UnitAssignment? {
        let last = assignments.last { $0.section == section && $0.key == key }
        guard let last, !last.value.isEmpty else { return nil }
        return last
    }

    /// Every assignment of a key, empty ones included, in order.
    public func all(_ section: String, _ key: String) -> [UnitAssignment] {
        assignments.filter { $0.section == section && $0.key == key }
    }
}
