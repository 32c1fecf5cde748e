/// `alias`: short names `zap install` accepts for the package, one a line;
/// they end up in the repository's `aliases` file as `alias|PKG`.
public struct AliasList: Hashable, Sendable {
    public var aliases: [String]

    public init(_ aliases: [String]) {
        self.aliases = aliases
    }

    public func render() -> String {
        aliases.map { $0 + "\n" }.joined()
    }

    /// The package repository's `aliases` lines for this package.
    public func repositoryLines(for package: String) -> String {
        aliases.map { "\($0)|\(package)\n" }.joined()
    }
}
