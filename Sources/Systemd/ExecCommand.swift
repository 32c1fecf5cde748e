import Diagnostics

/// One command of an `Exec*=` setting (systemd.service(5), "Command lines"),
/// unquoted and with specifiers resolved; `$VAR` and `${VAR}` references
/// are left in the words, since systemd expands them only when it runs the
/// command.
public struct ExecCommand: Hashable, Sendable {
    /// The special characters before the path.
    public enum Prefix: String, Hashable, Sendable, CaseIterable {
        /// `-`: a failure exit status is ignored.
        case ignoreFailure = "-"
        /// `@`: the second word is argv[0].
        case customArgv0 = "@"
        /// `:`: no environment variable substitution.
        case noVariableExpansion = ":"
        /// `+`: full privileges, no sandboxing, no User=.
        case fullPrivileges = "+"
        /// `!`: runs as root with the credential changes only.
        case noCredentialSwitch = "!"
        /// `!!`: ambient-capability fallback for old kernels.
        case ambientFallback = "!!"
    }

    public var prefixes: Set<Prefix>
    /// The program to run.
    public var path: [TextPiece]
    /// `argv[0]` when `@` gave one.
    public var argv0: [TextPiece]?
    /// `argv[1…]`.
    public var arguments: [[TextPiece]]
    public var location: SourceLocation

    public init(prefixes: Set<Prefix>, path: [TextPiece], argv0: [TextPiece]? = nil, arguments: [[TextPiece]],
                location: SourceLocation) {
        self.prefixes = prefixes
        self.path = path
        self.argv0 = argv0
        self.arguments = arguments
        self.location = location
    }
}
