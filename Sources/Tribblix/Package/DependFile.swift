/// depend(5) the way Tribblix writes it: `P PKG` (prerequisite) and rarely
/// `I PKG` (incompatible), name column left out; `validate-depend` rejects
/// every other line.
public struct DependFile: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case prerequisite = "P"
        case incompatible = "I"
    }

    public struct Entry: Hashable, Sendable {
        public var kind: Kind
        public var package: String

        public init(_ kind: Kind, _ package: String) {
            self.kind = kind
            self.package = package
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public init(prerequisites: [String]) {
        self.entries = prerequisites.map { Entry(.prerequisite, $0) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The `P` packages, which is what the package catalog's deps field holds.
    public var prerequisites: [String] { entries.filter { $0.kind == .prerequisite }.map(\.package) }

    public func render() -> String {
        entries.map { "\($0.kind.rawValue) \($0.package)\n" }.joined()
    }
}
