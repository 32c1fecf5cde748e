/// One line of a package repository's `catalog`:
/// `name|version|deps|size|md5|`, deps being the space-separated `P`
/// packages of the depend file, size and md5 those of the `.zap`.
public struct PackageCatalogLine: Hashable, Sendable {
    public var package: String
    public var version: String
    public var dependencies: [String]
    public var zapSize: Int
    public var zapMD5: String

    public init(package: String, version: String, dependencies: [String], zapSize: Int, zapMD5: String) {
        self.package = package
        self.version = version
        self.dependencies = dependencies
        self.zapSize = zapSize
        self.zapMD5 = zapMD5
    }

    public func render() -> String {
        "\(package)|\(version)|\(dependencies.joined(separator: " "))|\(zapSize)|\(zapMD5)|\n"
    }

    /// The artifact's file name, `<PKG>.<VERSION>.zap`.
    public var zapFileName: String { "\(package).\(version).zap" }
}
