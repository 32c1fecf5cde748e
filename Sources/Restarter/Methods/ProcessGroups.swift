#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// A process contract, emulated by a process group: every method runs as
/// the leader of a new group (svc.startd runs it in a new contract,
/// `method_ready_contract`), whatever it forks stays in the group unless it
/// leaves on purpose, and the group "is empty" (`contract_is_empty`) when
/// no process is left in it.
public enum ProcessGroups {
    /// Starts `/bin/sh -c SCRIPT` (or `prefix… /bin/sh -c SCRIPT`) as the
    /// leader of a new process group, with standard input from /dev/null and
    /// standard output and error appended to `logPath`, as svc.startd points
    /// a method's output at its instance log (`log_preexec`).
    static func spawn(
        prefix: [String], script: String, environment: [String: String], logPath: String
    ) -> Result<pid_t, SpawnFailure> {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the restarter's reaches the method (svc.startd's
        // children close what they inherit, `startd_fork1`), where the C
        // library can say so (glibc 2.34).
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        // A new group led by the method; default dispositions and an empty
        // mask, whatever this process's threads block or ignore.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments = prefix + ["/bin/sh", "-c", script]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] =
            environment.keys.sorted().map { strdup("\($0)=\(environment[$0] ?? "")") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { return .failure(SpawnFailure(errno: status)) }
        return .success(pid)
    }

    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    /// `posix_spawn_file_actions_addclosefrom_np`, looked up by name: older
    /// C libraries lack it, and then close-on-exec alone keeps fds private.
    static let addCloseFrom: AddCloseFrom? = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    struct SpawnFailure: Error {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    /// `contract_kill`: the signal to every process of the group.
    static func signal(_ group: pid_t, _ signal: Int32) {
        guard group > 1 else { return }
        _ = kill(-group, signal)
    }

    /// `contract_is_empty`: no process (not even an unreaped one) is left.
    static func isEmpty(_ group: pid_t) -> Bool {
        guard group > 1 else { return true }
        return kill(-group, 0) != 0 && errno == ESRCH
    }

    /// The live members of a group, for `svcs -p`-like reporting.
    static func members(of group: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { pid_t($0) }.filter { processGroup(of: $0) == group }.sorted()
    }

    /// Field 5 of /proc/PID/stat; also readable for a zombie.
    static func processGroup(of pid: pid_t) -> pid_t? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2 else { return nil }
        return pid_t(fields[2])
    }

    /// Makes this process the reaper of its orphaned descendants (Linux
    /// `PR_SET_CHILD_SUBREAPER`), so a daemon that its start method left
    /// behind is still this restarter's to wait for and to see die — what
    /// a contract's events tell svc.startd.
    public static func becomeSubreaper() -> Bool {
        // prctl is variadic, so Swift does not import it; call it through
        // its symbol. PR_SET_CHILD_SUBREAPER is 36 (<linux/prctl.h>).
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return false }
        return unsafeBitCast(symbol, to: Prctl.self)(36, 1, 0, 0, 0) == 0
    }

    /// One finished child: reaped without blocking. Its process group is
    /// read before reaping (the zombie still has one).
    static func reapOne() -> (pid: pid_t, group: pid_t?, status: Int32)? {
        var info = siginfo_t()
        guard waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return nil }
        let pid = info._sifields._sigchld.si_pid
        guard pid > 0 else { return nil }
        let group = processGroup(of: pid)
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        return (pid, group, status)
    }
}

/// How a process ended, decoded from a wait status.
struct ExitStatus: Sendable, Equatable {
    var raw: Int32

    var exited: Bool { raw & 0x7f == 0 }
    var code: Int32 { (raw >> 8) & 0xff }
    var signal: Int32? { exited || raw & 0x7f == 0x7f ? nil : raw & 0x7f }
    var dumpedCore: Bool { !exited && raw & 0x80 != 0 }

    /// `sig2str` spelling, as svc.startd logs it ("KILL", "TERM").
    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGHUP: "HUP"
        case SIGINT: "INT"
        case SIGQUIT: "QUIT"
        case SIGABRT: "ABRT"
        case SIGKILL: "KILL"
        case SIGSEGV: "SEGV"
        case SIGPIPE: "PIPE"
        case SIGALRM: "ALRM"
        case SIGTERM: "TERM"
        case SIGUSR1: "USR1"
        case SIGUSR2: "USR2"
        default: String(signal)
        }
    }

    /// `:kill -SIG`'s name or number (`restarter_is_kill_method`, str2sig).
    static func signal(named name: String) -> Int32? {
        if let number = Int32(name) { return number }
        let names: [String: Int32] = [
            "HUP": SIGHUP, "INT": SIGINT, "QUIT": SIGQUIT, "ABRT": SIGABRT, "KILL": SIGKILL, "SEGV": SIGSEGV,
            "PIPE": SIGPIPE, "ALRM": SIGALRM, "TERM": SIGTERM, "USR1": SIGUSR1, "USR2": SIGUSR2,
        ]
        return names[name.uppercased().replacingOccurrences(of: "SIG", with: "")]
    }
}
