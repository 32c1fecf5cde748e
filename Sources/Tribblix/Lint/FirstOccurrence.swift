/// Where each key was first seen in a file, for the rules that report a
/// repeated package, path, parameter or value against its first line.
struct FirstOccurrence<Key: Hashable> {
    private var lines: [Key: Int] = [:]

    /// The line `key` was first seen on, when this is a repeat; otherwise
    /// records `line` as its first and returns nil.
    mutating func earlierLine(of key: Key, on line: Int) -> Int? {
        if let first = lines[key] { return first }
        lines[key] = line
        return nil
    }
}
