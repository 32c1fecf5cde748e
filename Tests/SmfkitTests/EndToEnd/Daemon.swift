import Foundation
import SMF
#if canImport(Glibc)
import Glibc
#endif

/// One plan entry started the way svc.startd starts a start method:
/// `/bin/sh -c "exec EXEC"` as the entry's user and group (through `setpriv`, which
/// execs in place, so the PID is the shell's and then whatever it execs), in
/// the entry's working directory, with exactly its environment plus PATH,
/// output appended to a log file, in a process group of its own.
final class Daemon {
    let entry: PlanEntry
    let logPath: String
    private(set) var pid: pid_t = 0
    private(set) var exitStatus: Int32?

    /// svc.startd's default PATH plus the Linux directories the packages use.
    static let path = "/usr/sbin:/usr/bin:/sbin:/bin"

    init(entry: PlanEntry, logPath: String) {
        self.entry = entry
        self.logPath = logPath
    }

    func start() throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A fresh process group, default dispositions for the signals a
        // daemon handles (the test process may ignore some), nothing blocked.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        guard let addChdir = GNUSpawn.addChdir, let addClosefrom = GNUSpawn.addClosefrom else {
            throw E2EFailure("this C library has no posix_spawn_file_actions_addchdir_np/addclosefrom_np (glibc >= 2.34 has)")
        }
        _ = addChdir(&actions, entry.workingDirectory)
        _ = addClosefrom(&actions, 3)

        let arguments = [
            "/usr/bin/setpriv", "--reuid=\(entry.user)", "--regid=\(entry.group)", "--init-groups",
            // svc.startd runs `exec METHOD` (method.c: exec_method).
            "/bin/sh", "-c", "exec " + entry.exec,
        ]
        var environment = entry.environment
        environment["PATH"] = Self.path
        let environmentStrings = environment.keys.sorted().map { "\($0)=\(environment[$0] ?? "")" }

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environmentStrings.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw E2EFailure("could not start \(entry.fmri): \(String(cString: strerror(status)))")
        }
        pid = child
        exitStatus = nil
    }

    /// Reaps the process if it has exited (it is our child).
    var isRunning: Bool {
        guard pid > 0, exitStatus == nil else { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || (result == -1 && errno == ECHILD) {
            exitStatus = status
            return false
        }
        return true
    }

    /// The command line of the running process, from /proc.
    var commandLine: [String] {
        guard isRunning, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return [] }
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    func signal(_ signal: Int32) {
        if isRunning { kill(pid, signal) }
    }

    /// Every process left in the entry's process group (children it left behind).
    func signalGroup(_ signal: Int32) {
        if pid > 0 { kill(-pid, signal) }
    }

    /// Waits until the process has exited; false if it is still running at the deadline.
    @discardableResult
    func waitForExit(until deadline: Deadline) -> Bool {
        while isRunning {
            if deadline.hasPassed { return false }
            usleep(100_000)
        }
        return true
    }
}

/// glibc's spawn file actions for a working directory and for closing
/// inherited descriptors; Swift's Glibc module does not declare these GNU
/// extensions, so they are looked up by name.
enum GNUSpawn {
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    nonisolated(unsafe) static let handle = dlopen(nil, RTLD_NOW)
    static let addChdir: AddChdir? = dlsym(handle, "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChdir.self) }
    static let addClosefrom: AddClosefrom? = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddClosefrom.self) }
}

/// A failed step of the end-to-end run, with what went wrong.
struct E2EFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A point in time on the monotonic clock.
struct Deadline {
    let instant: ContinuousClock.Instant

    init(seconds: Double, within outer: Deadline? = nil) {
        let mine = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
        instant = outer.map { min($0.instant, mine) } ?? mine
    }

    var hasPassed: Bool { ContinuousClock.now >= instant }
}

/// Seconds since a start, for the figures the test prints.
struct Stopwatch {
    let start = ContinuousClock.now
    var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
