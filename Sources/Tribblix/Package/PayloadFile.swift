/// A file the package delivers, by its path in the proto tree (relative,
/// so it relocates under `BASEDIR=/`).
public struct PayloadFile: Hashable, Sendable {
    public var path: String
    public var contents: String
    public var mode: UInt16
    public var owner: String
    public var group: String
    /// Its name under the build repository's `patches/`, where fixit copies
    /// it from.
    public var sourceName: String

    public init(path: String, contents: String, mode: UInt16 = 0o644, owner: String = "root", group: String = "bin",
                sourceName: String? = nil) {
        self.path = path
        self.contents = contents
        self.mode = mode
        self.owner = owner
        self.group = group
        self.sourceName = sourceName ?? String(path.split(separator: "/").last ?? Substring(path))
    }

    /// A manifest under `var/svc/manifest/<category>/`: Tribblix puts add-on
    /// manifests under var "for sparse-root zone support", and late
    /// manifest-import reads `/var/svc/manifest` too.
    public static func manifest(fileName: String, category: String = "network", contents: String) -> PayloadFile {
        PayloadFile(path: "var/svc/manifest/\(category)/\(fileName)", contents: contents, mode: 0o644)
    }

    /// A method script in the application's own tree,
    /// `opt/tribblix/<app>/bin/<name>`, as haproxy2, forgejo and zookeeper do.
    public static func methodScript(application: String, fileName: String, contents: String) -> PayloadFile {
        PayloadFile(path: "opt/tribblix/\(application)/bin/\(fileName)", contents: contents, mode: 0o755)
    }
}

/// A directory the package creates with its own mode or owner, typically
/// `var/<app>` owned by the service user (what a Tribblix `fixproto` does).
public struct PayloadDirectory: Hashable, Sendable {
    public var path: String
    public var mode: UInt16
    public var owner: String
    public var group: String

    public init(path: String, mode: UInt16 = 0o755, owner: String = "root", group: String = "bin") {
        self.path = path
        self.mode = mode
        self.owner = owner
        self.group = group
    }
}

/// Octal as prototype(5) writes modes: `0755`.
func octalMode(_ mode: UInt16) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
