/// Owner and group of the directories illumos itself delivers, as
/// illumos-gate's `usr/src/pkg/manifests/SUNWcs.p5m` (at 0a099f00d7af)
/// declares them: `dir path=etc/opt group=sys`, the owner root unless it
/// says otherwise. zap installs with pkgadd's conflict checks off
/// (`pkg.force`), so a package whose prototype gives one of these another
/// owner or group silently changes it on every system it installs on.
public enum IllumosSystemDirectories {
    public struct Ownership: Hashable, Sendable {
        public let owner: String
        public let group: String
    }

    /// Path (relative, as in a prototype) → what SUNWcs delivers.
    public static let ownership: [String: Ownership] = {
        let sys = [
            "etc", "etc/default", "etc/inet", "etc/init.d", "etc/logadm.d", "etc/opt", "etc/security",
            "etc/security/auth_attr.d", "etc/security/exec_attr.d", "etc/security/prof_attr.d", "etc/svc",
            "etc/svc/profile", "etc/svc/profile/site", "etc/user_attr.d", "export", "lib/svc/manifest",
            "lib/svc/manifest/application", "lib/svc/manifest/device", "lib/svc/manifest/milestone",
            "lib/svc/manifest/network", "mnt", "opt", "sbin", "tmp", "usr", "usr/kernel", "var", "var/adm", "var/log",
            "var/opt", "var/run", "var/svc", "var/svc/log", "var/svc/manifest", "var/svc/manifest/application",
            "var/svc/manifest/device", "var/svc/manifest/milestone", "var/svc/manifest/network",
            "var/svc/manifest/platform", "var/svc/manifest/site", "var/svc/manifest/system", "var/svc/profile",
            "var/tmp",
        ]
        let bin = ["lib", "lib/svc", "usr/bin", "usr/lib", "usr/share", "var/logadm", "var/spool"]
        var table: [String: Ownership] = [:]
        for path in sys { table[path] = Ownership(owner: "root", group: "sys") }
        for path in bin { table[path] = Ownership(owner: "root", group: "bin") }
        table["home"] = Ownership(owner: "root", group: "root")
        table["root"] = Ownership(owner: "root", group: "root")
        return table
    }()

    /// What illumos delivers at `path` (`/etc/opt` or `etc/opt`), or nil for
    /// a directory it does not deliver.
    public static func ownership(of path: String) -> Ownership? {
        var relative = Substring(path)
        while relative.hasPrefix("/") { relative = relative.dropFirst() }
        while relative.hasSuffix("/") { relative = relative.dropLast() }
        return ownership[String(relative)]
    }
}
