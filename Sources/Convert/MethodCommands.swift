import Diagnostics
import SMF
import Systemd

/// The pieces of a method: Exec lines read, prefixes checked, commands
/// rendered for an attribute or a script, the main PID, timeouts, signals.
extension MethodMapping {
    func commands(_ key: String, in context: inout MappingContext) throws(Refusal) -> [ExecCommand] {
        var result: [ExecCommand] = []
        for assignment in context.unit.list("Service", key) {
            let (commands, diagnostics) = ExecLineParser.parse(assignment, unit: context.unit.name)
            if let error = diagnostics.first(where: { $0.severity == .error }) {
                throw Refusal("\(key)= cannot be read: \(error.message)", at: error.location)
            }
            context.findings.diagnostics += diagnostics
            result += commands
        }
        return result
    }

    func checkPrefixes(_ command: ExecCommand, user: UnitAssignment?, in context: inout MappingContext) {
        if let user, !command.prefixes.isDisjoint(with: [.fullPrivileges, .noCredentialSwitch, .ambientFallback]) {
            context.findings.warn("'+'/'!' (run with full privileges): SMF runs every command of a method with one "
                + "credential, so this one runs as User=\(user.value) too; grant the privilege it needs in "
                + "method_credential or move it to a separate service", at: command.location)
        }
        if command.prefixes.contains(.customArgv0) {
            context.findings.warn("'@' (a custom argv[0]): a method command runs with its program as argv[0]",
                                  at: command.location)
        }
    }

    func render(_ command: ExecCommand, with renderer: ShellCommandRenderer,
                        in context: inout MappingContext) -> String {
        let rendered = renderer.command(command)
        for loss in Set(rendered.losses) { Self.report(loss, at: command.location, in: &context) }
        return rendered.text
    }

    static func report(_ loss: ShellCommandRenderer.Loss, at location: SourceLocation, in context: inout MappingContext) {
        let code = loss.specifier.rawValue
        let message = loss.specifier == .unescapedInstance
            ? "%I (the unescaped instance): SMF instance names are not escaped, so %I becomes %i"
            : "%\(code): its value is known only on the systemd host; written as the text '%\(code)'"
        context.findings.warn(message, at: location)
    }

    func scriptLines(_ command: ExecCommand, execute: Bool, ignoreFailure: Bool,
                             in context: inout MappingContext) -> [String] {
        let rendered = ShellCommandRenderer(destination: .script).command(command)
        for loss in Set(rendered.losses) { Self.report(loss, at: command.location, in: &context) }
        var lines: [String] = []
        if rendered.splitsVariables {
            lines.append("# shellcheck disable=SC2086 # systemd splits a lone $NAME at whitespace, as sh does here")
        }
        lines.append((execute ? "exec " : "") + rendered.text + (ignoreFailure && !execute ? " || true" : ""))
        return lines
    }

    func mainPIDLines(_ commands: [ExecCommand], usesContract: Bool, in context: inout MappingContext) -> [String] {
        guard Self.usesMainPID(commands) else { return [] }
        guard usesContract else {
            for command in commands where Self.usesMainPID(command) {
                context.findings.warn("$MAINPID: a Type=oneshot (transient) service has no main process; it is empty here",
                                      at: command.location)
            }
            return []
        }
        return [
            "# systemd's main PID: the oldest process of the service's contract",
            "# (pgrep -c on illumos; under `smfkit run` on Linux the contract is a",
            "# process group, and procps's -c means \"count\").",
            "case \"$(uname -s)\" in",
            "SunOS) MAINPID=$(pgrep -o -c \"$2\" || true) ;;",
            "*) MAINPID=$(pgrep -o -g \"$2\" || true) ;;",
            "esac",
        ]
    }

    /// Whether one command can be a stop or refresh `exec` attribute: `-`
    /// needs the script's `|| true`, `$MAINPID` its contract lookup (the
    /// other prefixes are warned about and change nothing in SMF).
    static func fitsAttribute(_ command: ExecCommand) -> Bool {
        !command.prefixes.contains(.ignoreFailure) && !usesMainPID(command)
    }

    static func usesMainPID(_ command: ExecCommand) -> Bool {
        ([command.path] + command.arguments).contains { pieces in
            pieces.contains { piece in
                if case .literal(let text) = piece { return text.contains("$MAINPID") || text.contains("${MAINPID}") }
                return false
            }
        }
    }

    static func usesMainPID(_ commands: [ExecCommand]) -> Bool { commands.contains { usesMainPID($0) } }

    func timeout(_ keys: [String], default fallback: String, in context: inout MappingContext) -> String {
        for key in keys {
            guard let setting = context.unit.setting("Service", key) else { continue }
            switch TimeSpan(setting.value) {
            case .infinite?, .seconds(0)?: return "0"
            case .seconds(let seconds)?: return String(seconds)
            case nil:
                context.findings.unmapped(setting, "not a time span systemd reads; the default is used")
            }
        }
        return fallback
    }

    func killSignal(in context: inout MappingContext) -> String {
        guard let setting = context.unit.setting("Service", "KillSignal") else { return "TERM" }
        let name = setting.value.hasPrefix("SIG") ? String(setting.value.dropFirst(3)) : setting.value
        let known = ["TERM", "INT", "HUP", "QUIT", "KILL", "USR1", "USR2", "ABRT", "ALRM", "CONT", "STOP", "WINCH"]
        guard known.contains(name) else {
            context.findings.unmapped(setting, "not a signal smfkit knows; SIGTERM is used")
            return "TERM"
        }
        return name
    }

    static func isTrue(_ value: String) -> Bool {
        ["1", "yes", "y", "true", "t", "on"].contains(value.lowercased())
    }
}
