#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import SMF

/// A method read from the instance's snapshot and made ready to run, as
/// `libscf_get_method` and `restarter_get_method_context` make it.
enum PreparedMethod {
    /// No `exec_method` of that name (`LIBSCF_PGROUP_ABSENT`) or no `exec`
    /// in it (`LIBSCF_PROPERTY_ABSENT`): method_run returns success.
    case absent(propertyOnly: Bool)
    /// `:true` (`restarter_is_null_method`).
    case null
    /// `:kill` or `:kill -SIG` (`restarter_is_kill_method`); SIGTERM by default.
    case kill(signal: Int32)
    case command(Command)
    /// The context could not be built (unknown user, bad token, …): the
    /// method fails without running (`EINVAL`), which is not retried.
    case invalid(String)

    struct Command {
        /// The expanded `exec`, as logged and as handed to `exec`.
        var exec: String
        /// What runs before the shell to take on the method's credentials.
        var credentialPrefix: [String]
        /// `cd DIR` and `umask` before `exec`, which svc.startd does in the
        /// child before `execle(SBIN_SH, "-c", "exec METHOD")`.
        var script: String
        var environment: [String: String]
        /// nil: no timeout (`timeout_seconds` 0 or -1, `METHOD_TIMEOUT_INFINITE`).
        var timeoutSeconds: Double?
    }

    static func prepare(
        _ kind: MethodKind, of definition: InstanceDefinition, catalog: ServiceCatalog, zoneName: String
    ) -> PreparedMethod {
        guard let group = definition.composed[group: kind.rawValue] else { return .absent(propertyOnly: false) }
        guard let exec = group[property: "exec"]?.textValues.first else { return .absent(propertyOnly: true) }
        if exec == ":true" { return .null }
        if let special = SpecialMethod(exec: exec), case .kill(let name) = special {
            guard let signal = name.map(ExitStatus.signal(named:)) ?? SIGTERM else {
                return .invalid("unknown signal in \"\(exec)\"")
            }
            return .kill(signal: signal)
        }
        let context = MethodExpansionContext(
            serviceName: definition.serviceName, instanceName: definition.instanceName, methodName: kind.rawValue,
            composed: definition.composed, resolveFMRI: { parts in catalog.values(at: parts) })
        let expanded: String
        do {
            expanded = try expandMethodTokens(exec, for: context)
        } catch {
            return .invalid("Could not expand method tokens in \"\(exec)\": \(error)")
        }
        let resolution = MethodContextResolution(composed: definition.composed, method: kind.rawValue)
        let credentials: MethodContextResolution.Credentials
        do {
            // Without a `user`, svc.startd runs the method with its own
            // credentials; so does this restarter, whoever runs it.
            credentials = resolution.value("user") == nil ? ownCredentials(resolution) : try resolution.credentials()
        } catch {
            switch error {
            case .unknownUser(let user, _): return .invalid("Missing passwd entry for user \"\(user)\".")
            case .unknownGroup(let group, _): return .invalid("Missing group entry for group \"\(group)\".")
            }
        }
        guard let prefix = credentialPrefix(credentials) else {
            return .invalid(
                "svc.startd could not set context for method: this restarter runs as \(currentUserName()) and cannot "
                    + "become user \(credentials.user); run smfkit run as root, or drop the method_credential")
        }
        var environment = resolution.environment(fmri: definition.fmri, zoneName: zoneName)
        if environment["PATH"] == nil { environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin" }
        var script = "cd \(shellQuoted(credentials.workingDirectory)) || exit 96\n"
        if let umask = resolution.value("umask") { script += "umask \(shellQuoted(umask)) || exit 96\n" }
        script += "exec \(expanded)"
        let timeoutText = group[property: "timeout_seconds"]?.textValues.first ?? "0"
        let timeout = Double(timeoutText).flatMap { $0 > 0 ? $0 : nil }
        return .command(Command(
            exec: expanded, credentialPrefix: prefix, script: script, environment: environment,
            timeoutSeconds: timeout))
    }

    /// Nothing when the method runs as this process's user; `setpriv` when
    /// this process is root and may become anyone; nil otherwise.
    static func credentialPrefix(_ credentials: MethodContextResolution.Credentials) -> [String]? {
        if credentials.user == currentUserName() { return [] }
        guard getuid() == 0 else { return nil }
        for candidate in ["/usr/bin/setpriv", "/bin/setpriv"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return [candidate, "--reuid=\(credentials.user)", "--regid=\(credentials.group)", "--init-groups"]
        }
        return nil
    }

    static func ownCredentials(_ resolution: MethodContextResolution) -> MethodContextResolution.Credentials {
        let entry = getpwuid(getuid())
        let home = entry.map { String(cString: $0.pointee.pw_dir) } ?? "/"
        var directory = resolution.value("working_directory") ?? ":default"
        if directory == ":default" || directory == ":home" { directory = home }
        let group = getgrgid(getgid()).map { String(cString: $0.pointee.gr_name) } ?? String(getgid())
        return .init(user: currentUserName(), group: group, workingDirectory: directory)
    }

    static func currentUserName() -> String {
        guard let entry = getpwuid(getuid()) else { return String(getuid()) }
        return String(cString: entry.pointee.pw_name)
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
