import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// One node's svc.startd: a `smfkit run` of the generated directory for
/// that node, and the `smfkit svcadm`/`svcs`/`svcprop` an operator in the
/// zone would use against it. The end-to-end tests run one per node.
///
/// The restarter is started in a session of its own, so every contract
/// (process group) it makes lies in that session: a halt kills exactly the
/// processes of this node, never a process that happens to reuse the
/// number of one of its old groups (pid_max is small on some hosts).
final class NodeRestarter {
    let node: String
    let stateDirectory: String
    private let generated: String
    private let profile: String
    private(set) var pid: pid_t = 0
    private var exitStatus: Int32?

    init(node: String, generated: String, stateDirectory: String) {
        self.node = node
        self.generated = generated
        self.stateDirectory = stateDirectory
        profile = generated + "/profiles/\(node).xml"
    }

    /// The zone boots. The first boot has every instance as the manifests
    /// leave it (disabled) and deploy.sh enables them phase by phase; later
    /// boots apply the node's profile, which is what the zone's repository
    /// holds after deploy.sh (general/enabled persists across a reboot).
    func boot(withProfile: Bool, within deadline: Deadline) throws {
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        var arguments = [E2EPrerequisites.smfkit, "run", generated, "--node", node, "--state", stateDirectory]
        if withProfile { arguments += ["--profile", profile] }
        pid = try Self.spawnInNewSession(arguments, output: stateDirectory + "/run.out")
        exitStatus = nil
        let ready = Deadline(seconds: 30, within: deadline)
        while (try? svcs([]))?.succeeded != true {
            guard isRunning else {
                throw E2EFailure("smfkit run for \(node) exited; see \(stateDirectory)/run.out")
            }
            if ready.hasPassed { throw E2EFailure("smfkit run for \(node) does not answer on its control socket") }
            usleep(50_000)
        }
    }

    // MARK: an operator's commands in the zone

    func svcadm(_ arguments: [String], timeout: Double = 30) throws -> ProcessRun {
        try smfkit(["svcadm"] + arguments.prefix(1) + ["--state", stateDirectory] + arguments.dropFirst(), timeout: timeout)
    }

    func svcs(_ arguments: [String]) throws -> ProcessRun {
        try smfkit(["svcs", "--state", stateDirectory] + arguments, timeout: 15)
    }

    /// `svcadm enable -s -T SECONDS FMRI`: fails (with `svcs -x`'s
    /// explanation) unless the instance is online in time.
    func enable(_ fmri: String, seconds: Double) throws {
        let run = try svcadm(["enable", "-s", "-T", String(Int(seconds)), fmri], timeout: seconds + 15)
        guard run.succeeded else {
            let explanation = (try? svcs(["-x", fmri]))?.stdout ?? ""
            throw E2EFailure("svcadm enable -s \(fmri) on \(node): \(run.stderr)\(explanation)")
        }
    }

    /// `svcadm disable [-s -T SECONDS] FMRI`.
    func disable(_ fmri: String, waitSeconds: Double? = nil) throws {
        let wait = waitSeconds.map { ["-s", "-T", String(Int($0))] } ?? []
        let run = try svcadm(["disable"] + wait + [fmri], timeout: (waitSeconds ?? 0) + 15)
        guard run.succeeded else { throw E2EFailure("svcadm disable \(fmri) on \(node): \(run.stderr)") }
    }

    /// `svcadm refresh FMRI`, which returns at once as illumos's does, then
    /// the refresh method's end as the instance log records it (`Method
    /// "refresh" exited with status N.`): its exit status (nil when it died
    /// on a signal) and the log written since the request — the method's
    /// own output among it.
    func refresh(_ fmri: String, seconds: Double, within deadline: Deadline) throws -> (status: Int32?, output: String) {
        let log = logPath(of: fmri)
        let offset = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        let run = try svcadm(["refresh", fmri])
        guard run.succeeded else { throw E2EFailure("svcadm refresh \(fmri) on \(node): \(run.stderr)") }
        let finished = Deadline(seconds: seconds, within: deadline)
        while true {
            let text = Self.text(of: log, from: offset)
            for line in text.split(separator: "\n") {
                if let range = line.range(of: "Method \"refresh\" exited with status ") {
                    return (Int32(line[range.upperBound...].prefix { $0.isNumber }), text)
                }
                if line.contains("Method \"refresh\" failed due to signal") { return (nil, text) }
            }
            if finished.hasPassed {
                throw E2EFailure("the refresh method of \(fmri) on \(node) did not finish in \(Int(seconds)) s; see \(log)")
            }
            usleep(50_000)
        }
    }

    /// What `path` holds from byte `offset` on.
    static func text(of path: String, from offset: Int) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: UInt64(offset))
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }

    /// One property of the instance as `svcprop` prints it (`pg/name type value`).
    func property(_ name: String, of fmri: String) -> String? {
        guard let run = try? smfkit(["svcprop", "--state", stateDirectory, fmri], timeout: 15), run.succeeded else {
            return nil
        }
        for line in run.stdout.split(separator: "\n") {
            let words = line.split(separator: " ", maxSplits: 2).map(String.init)
            if words.count == 3, words[0] == name { return words[2] }
        }
        return nil
    }

    /// restarter/state: online, offline, maintenance, …
    func state(of fmri: String) -> String? { property("restarter/state", of: fmri) }

    /// The process the start method became (a child service's only process).
    func startPID(of fmri: String) -> pid_t? { property("restarter/start_pid", of: fmri).flatMap { pid_t($0) } }

    /// The instance's log, as /var/svc/log names it.
    func logPath(of fmri: String) -> String {
        let name = fmri.replacingOccurrences(of: "svc:/", with: "").replacingOccurrences(of: "/", with: "-")
        return stateDirectory + "/log/\(name).log"
    }

    // MARK: halting

    /// Processes left of this node: its restarter and anything in its session.
    var leftovers: [pid_t] {
        guard pid > 0 else { return [] }
        return (isRunning ? [pid] : []) + Self.processes(inSession: pid).map(\.pid).filter { $0 != pid }
    }

    /// Reaps the restarter if it has exited (it is our child).
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

    /// The zone halts: the restarter and every process of every contract it
    /// made die by SIGKILL at once, no stop method runs.
    func halt() {
        guard pid > 0 else { return }
        let session = pid
        if isRunning { kill(pid, SIGKILL) }
        _ = waitForExit(seconds: 5)
        Self.killSession(session)
    }

    /// The restarter's own shutdown (SIGTERM: every contract SIGTERMed,
    /// SIGKILLed after 2 s); whatever is left after `seconds` is halted.
    func shutdown(seconds: Double) {
        guard pid > 0 else { return }
        if isRunning { kill(pid, SIGTERM) }
        if !waitForExit(seconds: seconds) { kill(pid, SIGKILL) }
        halt()
    }

    @discardableResult
    private func waitForExit(seconds: Double) -> Bool {
        let deadline = Deadline(seconds: seconds)
        while isRunning {
            if deadline.hasPassed { return false }
            usleep(50_000)
        }
        return true
    }

    /// `<state>/process-groups`: every contract the restarter made.
    func recordedGroups() -> Set<pid_t> {
        let text = (try? String(contentsOfFile: stateDirectory + "/process-groups", encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").compactMap { pid_t($0) })
    }

    /// SIGKILLs every process of `session` and waits (up to 10 s) until
    /// none is left. A restarter's session holds every contract it made
    /// (`recordedGroups`) and nothing else.
    static func killSession(_ session: pid_t) {
        guard session > 1, session != getsid(0) else { return }
        let deadline = Deadline(seconds: 10)
        while true {
            let members = processes(inSession: session)
            if members.isEmpty || deadline.hasPassed { return }
            for member in members { kill(member.pid, SIGKILL) }
            usleep(50_000)
        }
    }

    /// Whether `pid` is a live process (not gone, not a zombie left for init to reap).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    /// Processes whose session id is `session`, from /proc/PID/stat
    /// (fields after the command: state, ppid, pgrp, session).
    static func processes(inSession session: pid_t) -> [(pid: pid_t, group: pid_t)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> (pid_t, pid_t)? in
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 3, let group = pid_t(fields[2]), let sid = pid_t(fields[3]), sid == session,
                  fields[0] != "Z"
            else { return nil }
            return (pid, group)
        }
    }

    private func smfkit(_ arguments: [String], timeout: Double) throws -> ProcessRun {
        try Command.run(E2EPrerequisites.smfkit, arguments, timeout: timeout)
    }

    /// glibc's POSIX_SPAWN_SETSID (<spawn.h>, a GNU extension the Glibc
    /// module does not import).
    private static let spawnSetsid: Int32 = 0x80

    /// posix_spawn with POSIX_SPAWN_SETSID, default signal dispositions and
    /// nothing blocked; output appended to `output`.
    private static func spawnInNewSession(_ arguments: [String], output: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
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
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        if let addClosefrom = GNUSpawn.addClosefrom { _ = addClosefrom(&actions, 3) }
        let environment = ["PATH=" + Daemon.path, "LANG=C"]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw E2EFailure("could not start smfkit run: \(String(cString: strerror(status)))") }
        return child
    }
}
