/// One line of prototype(5): `ftype class pathname mode owner group` for
/// objects, `i name=source` for the package's own information files.
/// Pathnames are relative, so the package relocates under `BASEDIR=/` as
/// everything create_pkg makes does.
public enum PrototypeEntry: Hashable, Sendable {
    case information(name: String, source: String)
    case directory(path: String, mode: String, owner: String, group: String)
    case file(path: String, mode: String, owner: String, group: String, fileClass: String = "none")
    case symbolicLink(path: String, target: String)

    public var path: String {
        switch self {
        case .information(let name, _): name
        case .directory(let path, _, _, _), .file(let path, _, _, _, _), .symbolicLink(let path, _): path
        }
    }

    public func render() -> String {
        switch self {
        case .information(let name, let source):
            "i \(name)=\(source)"
        case .directory(let path, let mode, let owner, let group):
            "d none \(path) \(mode) \(owner) \(group)"
        case .file(let path, let mode, let owner, let group, let fileClass):
            "f \(fileClass) \(path) \(mode) \(owner) \(group)"
        case .symbolicLink(let path, let target):
            "s none \(path)=\(target)"
        }
    }
}

/// A whole prototype file.
public struct Prototype: Hashable, Sendable {
    public var entries: [PrototypeEntry]

    public init(_ entries: [PrototypeEntry]) {
        self.entries = entries
    }

    public func render() -> String {
        entries.map { $0.render() + "\n" }.joined()
    }

    /// Owner and group for a directory the package makes: what illumos
    /// delivers for its own directories (`root sys` for etc, opt, var,
    /// var/svc/manifest/…, as Tribblix's `fixproto` also sets them), and
    /// `root bin`, `fixproto`'s default, for the rest.
    public static func tribblixOwnership(ofDirectory path: String) -> (owner: String, group: String) {
        guard let delivered = IllumosSystemDirectories.ownership(of: path) else { return ("root", "bin") }
        return (delivered.owner, delivered.group)
    }
}
