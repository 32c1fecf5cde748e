import Diagnostics
import SMF
import Systemd

/// `Type=` and the `Exec*=` lines as SMF methods: an `exec` attribute when
/// one command says it all, otherwise a method script with one arm per
/// method (environment files, limits, umask, several commands, the main
/// PID from the service's contract).
struct MethodMapping {
    struct Result {
        var execMethods: [ExecMethod]
        var propertyGroups: [PropertyGroup]
        var script: MethodScript?
    }

    enum Duration: String {
        case child, contract, transient
    }

    func map(into context: inout MappingContext) throws(Refusal) -> Result {
        let unit = context.unit
        let fileStart = SourceLocation(file: unit.path, line: 1, column: 1)
        let starts = try commands("ExecStart", in: &context)
        let typeSetting = unit.setting("Service", "Type")
        let type = typeSetting?.value ?? (starts.isEmpty ? "oneshot" : "simple")
        let duration: Duration
        switch type {
        case "simple", "exec", "notify", "notify-reload", "idle": duration = .child
        case "dbus":
            duration = .child
            if let typeSetting {
                context.findings.unmapped(typeSetting, "SMF does not wait for a D-Bus name; the service is online once it runs")
            }
        case "forking": duration = .contract
        case "oneshot": duration = .transient
        default:
            throw Refusal("Type=\(type) is not a service type systemd knows", at: typeSetting?.location ?? fileStart)
        }
        if duration != .transient {
            if starts.isEmpty {
                throw Refusal("\(unit.name) has no ExecStart=; systemd refuses a Type=\(type) service without one",
                              at: typeSetting?.location ?? fileStart)
            }
            if starts.count > 1 {
                throw Refusal("Type=\(type) allows one ExecStart= command (systemd refuses the unit too); "
                    + "only Type=oneshot runs several", at: starts[1].location)
            }
        }
        let user = unit.setting("Service", "User")
        // Only meaningful when there are commands other than ExecStart=.
        let others = ["ExecStartPre", "ExecStartPost", "ExecStop", "ExecStopPost", "ExecReload"]
        if let permissions = unit.setting("Service", "PermissionsStartOnly"), Self.isTrue(permissions.value), let user,
           others.contains(where: { !unit.list("Service", $0).isEmpty }) {
            context.findings.unmapped(permissions, "SMF runs every method with one credential, so ExecStartPre=, "
                + "ExecStartPost=, ExecStop= and ExecReload= run as User=\(user.value) too")
        }

        let pres = try commands("ExecStartPre", in: &context)
        var posts = try commands("ExecStartPost", in: &context)
        if duration == .child, !posts.isEmpty {
            for post in posts {
                context.findings.warn("ExecStartPost= with a foreground daemon: svc.startd's start method is the "
                    + "daemon itself, so nothing runs after it starts; run it from a separate transient service",
                    at: post.location)
            }
            posts = []
        }
        for command in pres + starts + posts { checkPrefixes(command, user: user, in: &context) }

        var script = MethodScript(name: "svc-" + context.identity.baseName, header: [
            "SMF method script for \(context.identity.fmri), converted by smfkit from \(unit.name).",
            "Generated; do not edit: change the unit and convert again.",
        ])
        let scriptPath = context.options.methodDirectory + "/" + script.name
        let attribute = ShellCommandRenderer(destination: .execAttribute)
        let usesContract = duration != .transient

        // start
        let setup = StartSetup.lines(in: &context)
        let sequence = pres + starts + posts
        var startExec: String
        if let only = sequence.first, sequence.count == 1, setup.isEmpty, !Self.usesMainPID(only),
           !(only.prefixes.contains(.ignoreFailure) && duration == .transient) {
            if only.prefixes.contains(.ignoreFailure) {
                context.findings.warn("'-' (ignore a failed start): svc.startd takes a failing start method as a "
                    + "failure; make the command exit 0 if that is meant", at: only.location)
            }
            startExec = render(only, with: attribute, in: &context)
        } else if sequence.isEmpty && setup.isEmpty {
            startExec = ":true"
        } else {
            var lines = setup
            for (index, command) in sequence.enumerated() {
                let isMain = index == pres.count + starts.count - 1 && posts.isEmpty
                lines += scriptLines(command, execute: isMain && duration == .child,
                                     ignoreFailure: command.prefixes.contains(.ignoreFailure) && !(isMain && duration == .child),
                                     in: &context)
            }
            script.add(method: "start", usage: "start", lines: lines)
            startExec = attribute.quoted(scriptPath) + " start"
        }
        // Type=oneshot has no start timeout by default (systemd.service(5)).
        let startTimeout = timeout(["TimeoutStartSec", "TimeoutSec"], default: duration == .transient ? "0" : "90",
                                   in: &context)
        var methods = [ExecMethod(name: "start", exec: startExec, timeoutSeconds: startTimeout)]

        // stop
        let stops = try commands("ExecStop", in: &context) + commands("ExecStopPost", in: &context)
        for command in stops { checkPrefixes(command, user: user, in: &context) }
        let signal = killSignal(in: &context)
        let killMode = unit.setting("Service", "KillMode")
        let stopExec: String
        if stops.isEmpty {
            if duration == .transient {
                stopExec = ":true"
            } else {
                switch killMode?.value ?? "control-group" {
                case "process":
                    script.add(method: "stop", usage: "stop CONTRACT", lines: [
                        "# KillMode=process: only the main process, the contract's oldest",
                        "# (pkill -c on illumos; under `smfkit run` on Linux the contract is",
                        "# a process group, and procps's -c means \"count\").",
                        "case \"$(uname -s)\" in",
                        "SunOS) pkill -\(signal) -o -c \"$2\" || true ;;",
                        "*) pkill -\(signal) -o -g \"$2\" || true ;;",
                        "esac",
                    ])
                    stopExec = attribute.quoted(scriptPath) + " stop %{restarter/contract}"
                case "none":
                    if let killMode {
                        context.findings.unmapped(killMode, "svc.startd always stops what is left of the contract")
                    }
                    stopExec = ":kill"
                default:
                    if let killMode, killMode.value == "mixed" {
                        context.findings.unmapped(killMode, "svc.startd sends the stop signal to every process of "
                            + "the contract, not to the main one first")
                    }
                    stopExec = signal == "TERM" ? ":kill" : ":kill -\(signal)"
                }
            }
        } else if let only = stops.first, stops.count == 1, Self.fitsAttribute(only) {
            stopExec = render(only, with: attribute, in: &context)
        } else {
            var lines = mainPIDLines(stops, usesContract: usesContract, in: &context)
            for command in stops {
                lines += scriptLines(command, execute: false, ignoreFailure: command.prefixes.contains(.ignoreFailure),
                                     in: &context)
            }
            let contract = usesContract && Self.usesMainPID(stops)
            script.add(method: "stop", usage: contract ? "stop CONTRACT" : "stop", lines: lines)
            stopExec = attribute.quoted(scriptPath) + " stop" + (contract ? " %{restarter/contract}" : "")
        }
        if !stops.isEmpty, let killMode, killMode.value != "control-group" {
            context.findings.unmapped(killMode, "after the stop method, svc.startd stops every process left in the contract")
        }
        methods.append(ExecMethod(name: "stop", exec: stopExec,
                                  timeoutSeconds: timeout(["TimeoutStopSec", "TimeoutSec"], default: "90", in: &context)))

        // refresh
        let reloads = try commands("ExecReload", in: &context)
        for command in reloads { checkPrefixes(command, user: user, in: &context) }
        if let only = reloads.first, reloads.count == 1, Self.fitsAttribute(only) {
            methods.append(ExecMethod(name: "refresh", exec: render(only, with: attribute, in: &context),
                                      timeoutSeconds: startTimeout))
        } else if !reloads.isEmpty {
            var lines = mainPIDLines(reloads, usesContract: usesContract, in: &context)
            for command in reloads {
                lines += scriptLines(command, execute: false, ignoreFailure: command.prefixes.contains(.ignoreFailure),
                                     in: &context)
            }
            let contract = usesContract && Self.usesMainPID(reloads)
            script.add(method: "refresh", usage: contract ? "refresh CONTRACT" : "refresh", lines: lines)
            methods.append(ExecMethod(name: "refresh",
                                      exec: attribute.quoted(scriptPath) + " refresh" + (contract ? " %{restarter/contract}" : ""),
                                      timeoutSeconds: startTimeout))
        }

        if let restart = unit.setting("Service", "Restart"), restart.value == "no", duration != .transient {
            context.findings.unmapped(restart, "svc.startd restarts a service whose processes die, and puts it into "
                + "maintenance when that happens too often; it cannot be told not to")
        }
        if let restart = unit.setting("Service", "Restart"), restart.value != "no", duration == .transient {
            context.findings.unmapped(restart, "svc.startd never runs a transient service's start method again by "
                + "itself; a failure puts it into maintenance")
        }
        if let remain = unit.setting("Service", "RemainAfterExit"), duration != .transient {
            context.findings.unmapped(remain, "only a Type=oneshot service (SMF transient) stays online after its start method exits")
        }
        for key in ["PIDFile", "GuessMainPID"] {
            if let setting = unit.setting("Service", key), duration != .contract {
                context.findings.unmapped(setting, "used by systemd for Type=forking only")
            }
        }
        for key in ["StandardOutput", "StandardError"] {
            if let setting = unit.setting("Service", key),
               !["journal", "inherit", "syslog", "kmsg", "journal+console", "syslog+console", "kmsg+console"].contains(setting.value) {
                context.findings.unmapped(setting, "SMF sends a method's output to the service's log, /var/svc/log/<FMRI>.log")
            }
        }

        var groups: [PropertyGroup] = []
        if duration != .contract {
            groups.append(PropertyGroup(name: "startd", type: "framework", properties: [
                Property("duration", .astring, duration.rawValue),
            ]))
        }
        return Result(execMethods: methods, propertyGroups: groups, script: script.isEmpty ? nil : script)
    }
}
