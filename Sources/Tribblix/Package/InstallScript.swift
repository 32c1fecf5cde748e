/// A package install script (`install/preinstall`, `postinstall`,
/// `postremove`, `preremove`): POSIX sh run by pkgadd/pkgrm with `BASEDIR`
/// set to the root being installed into (`/`, or a zone root under
/// `pkgadd -R` as `zap create-zone -O` does).
public struct InstallScript: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case preinstall, postinstall, preremove, postremove
    }

    public var kind: Kind
    /// Why the script exists, as its second line says.
    public var purpose: String
    /// The statements between the header and the final `exit 0`.
    public var statements: [String]

    public init(kind: Kind, purpose: String, statements: [String]) {
        self.kind = kind
        self.purpose = purpose
        self.statements = statements
    }

    /// pkgadd always sets BASEDIR; run by hand without it, the script stops
    /// rather than guess which root's /etc to change.
    static let requireBasedir = ": \"${BASEDIR:?pkgadd sets BASEDIR to the root being installed into}\""

    public func render() -> String {
        (["#!/sbin/sh", "# \(purpose)", Self.requireBasedir] + statements + ["exit 0"]).map { $0 + "\n" }.joined()
    }

    /// create_pkg's restart script: restarting manifest-import imports the new
    /// manifests at once, but only on the running system. Into an alternate
    /// root (a zone being built) there is nothing to restart; the zone imports
    /// them when it first boots.
    public static func restarting(_ list: RestartFMRIList, kind: Kind) -> InstallScript {
        var statements = ["if [ \"${BASEDIR}\" = \"/\" ]; then"]
        statements += list.fmris.map { "  /usr/sbin/svcadm restart \(shellQuoted($0))" }
        statements.append("fi")
        return InstallScript(kind: kind, purpose: "Automatically generated service restart script", statements: statements)
    }

    /// create_pkg's preinstall for `group`, `passwd` and `user_attr`: append
    /// each entry to the files under `${BASEDIR}` unless the name is already
    /// there. It edits the target root's files rather than calling
    /// useradd/groupadd, which would change the global zone when pkgadd runs
    /// with `-R` into a zone root; and it is idempotent, as reinstalling
    /// (zap's upgrade is pkgrm + pkgadd) runs it again.
    public static func addingAccounts(_ accounts: ServiceAccounts) -> InstallScript {
        var statements: [String] = []
        for group in accounts.groups {
            statements += appendUnlessPresent(name: group.name, lines: [(group.groupLine, "group")])
        }
        for user in accounts.users {
            statements += appendUnlessPresent(name: user.name, lines: [(user.passwdLine, "passwd"), (user.shadowLine, "shadow")],
                                              checking: "passwd")
        }
        for attribute in accounts.userAttributes {
            statements += appendUnlessPresent(name: attribute.user, lines: [(attribute.userAttrLine, "user_attr")])
        }
        return InstallScript(kind: .preinstall, purpose: "Automatically generated script to add service accounts",
                             statements: statements)
    }

    private static func appendUnlessPresent(name: String, lines: [(text: String, file: String)],
                                            checking: String? = nil) -> [String] {
        let checked = checking ?? lines.first?.file ?? "passwd"
        var statements = ["if ! /usr/bin/grep -q \(shellQuoted("^" + name + ":")) \"${BASEDIR}/etc/\(checked)\"; then"]
        statements += lines.map { "  echo \(shellQuoted($0.text)) >> \"${BASEDIR}/etc/\($0.file)\"" }
        statements.append("fi")
        return statements
    }

    /// Single-quoted for sh: nothing inside is expanded.
    static func shellQuoted(_ text: String) -> String {
        var quoted = "'"
        for character in text {
            if character == "'" { quoted += "'\\''" } else { quoted.append(character) }
        }
        return quoted + "'"
    }
}
