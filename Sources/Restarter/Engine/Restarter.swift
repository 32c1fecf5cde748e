#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Diagnostics
import Dispatch
import Foundation
import SMF

/// svc.startd's restarter and graph engine for the instances of some
/// manifests, on Linux. All state lives on one serial queue; a short
/// periodic tick does what svc.startd's event threads do on events: reap
/// processes (wait.c), fire method timeouts (restarter.c `timeout_insert`),
/// notice empty contracts (`CT_PR_EV_EMPTY`), and start what the graph
/// finds satisfied (graph.c `graph_start_if_satisfied`).
///
/// The restarter writes its logs and answers on its socket; it never
/// prints.
public final class Restarter: @unchecked Sendable {
    let configuration: RunConfiguration
    let queue = DispatchQueue(label: "smfkit.restarter")
    var catalog: ServiceCatalog
    var instances: [String: InstanceRuntime] = [:]
    /// The FMRIs in the order of the files.
    var order: [String] = []
    var cycles: [String: [String]]
    /// svc.startd's own log (/var/svc/log/svc.startd.log).
    let framework: InstanceLog
    var knownGroups: Set<pid_t> = []
    var timer: DispatchSourceTimer?
    var shuttingDown = false

    /// `FAULT_THRESHOLD` (startd.h, `#define FAULT_THRESHOLD 3`): retryable
    /// method failures before maintenance (libscf.c `update_fault_count`).
    static let faultThreshold = 3
    /// `RINST_START_TIMES` (startd.h).
    static let startTimes = 5
    /// `RINST_FAILURE_RATE_NS` (startd.h), in seconds.
    static let failureRate: Double = 600
    /// `RINST_WT_SVC_FAILURE_RATE_NS` (startd.h), in seconds.
    static let waitFailureRate: Double = 1
    /// `WT_SVC_ERR_THROTTLE` (restarter.c), in seconds.
    static let waitThrottle: Double = 1
    /// How often the tick runs.
    static let tickInterval = DispatchTimeInterval.milliseconds(20)

    public enum LoadFailure: Error {
        case unreadable([Diagnostic])
        case invalid([Diagnostic])
        case stateDirectory(String)
    }

    public init(configuration: RunConfiguration) throws(LoadFailure) {
        self.configuration = configuration
        do {
            try FileManager.default.createDirectory(
                atPath: configuration.logDirectory, withIntermediateDirectories: true)
        } catch {
            throw .stateDirectory(
                "cannot create \(configuration.logDirectory): \(error.localizedDescription); name a writable --state directory")
        }
        let input: RunInput
        switch RunInput.load(configuration) {
        case .success(let loaded): input = loaded
        case .failure(.unreadable(let diagnostics)): throw .unreadable(diagnostics)
        case .failure(.invalid(let diagnostics)): throw .invalid(diagnostics)
        }
        catalog = input.catalog
        cycles = input.cycles
        framework = InstanceLog(path: configuration.logDirectory + "/svc.startd.log")
        for definition in input.definitions {
            instances[definition.fmri] = InstanceRuntime(definition: definition, logDirectory: configuration.logDirectory)
            order.append(definition.fmri)
        }
    }

    /// Starts the graph: every instance leaves `uninitialized` on the first tick.
    public func start() {
        queue.sync {
            framework.write("smfkit run: \(order.count) instance(s) from \(configuration.inputs.joined(separator: " "))"
                + (configuration.profile.map { " with profile \($0)" } ?? "")
                + (configuration.timeScale == 1 ? "" : "; time scale \(configuration.timeScale) (a test aid)"))
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now(), repeating: Self.tickInterval)
            timer.setEventHandler { [weak self] in self?.tick() }
            self.timer = timer
            timer.resume()
        }
    }

    /// Stops everything: SIGTERM to every process group the restarter made,
    /// SIGKILL to what is left after `grace` seconds. Not svc.startd's
    /// milestone walk at shutdown; see docs/run.md.
    public func shutdown(grace: Double = 2) {
        let groups: [pid_t] = queue.sync {
            shuttingDown = true
            timer?.cancel()
            timer = nil
            framework.write("smfkit run: stopping; SIGTERM to every process group")
            for group in knownGroups { ProcessGroups.signal(group, SIGTERM) }
            return Array(knownGroups)
        }
        let deadline = Self.now() + grace
        while Self.now() < deadline {
            while ProcessGroups.reapOne() != nil {}
            if groups.allSatisfy(ProcessGroups.isEmpty) { break }
            usleep(20_000)
        }
        for group in groups where !ProcessGroups.isEmpty(group) { ProcessGroups.signal(group, SIGKILL) }
        let killDeadline = Self.now() + 2
        while Self.now() < killDeadline, !groups.allSatisfy(ProcessGroups.isEmpty) {
            while ProcessGroups.reapOne() != nil {}
            usleep(10_000)
        }
        while ProcessGroups.reapOne() != nil {}
        queue.sync { framework.write("smfkit run: stopped") }
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    // MARK: the tick

    func tick() {
        guard !shuttingDown else { return }
        let now = Self.now()
        reapChildren(now)
        fireTimeouts(now)
        checkAssuredKills(now)
        checkContracts()
        runGraph(now)
    }

    /// Every finished child, matched to what it was: a method, a child
    /// service, or a process of a contract.
    func reapChildren(_ now: Double) {
        while let (pid, group, raw) = ProcessGroups.reapOne() {
            let status = ExitStatus(raw: raw)
            if let instance = instances.values.first(where: { $0.method?.pid == pid }) {
                methodExited(instance, status, now)
            } else if let instance = instances.values.first(where: { $0.childProcess == pid }) {
                childExited(instance, status)
            } else if let group, let instance = instances.values.first(where: { $0.contract == group }) {
                contractMemberDied(instance, status)
            }
        }
    }

    /// A process of a running contract died: a core dump or a fatal signal
    /// is a contract event (`CT_PR_EV_CORE`, `CT_PR_EV_SIGNAL`) that stops
    /// a contract service (restarter.c `contract_action`: `RSTOP_CORE`,
    /// `RSTOP_SIGNAL`; child services ignore contract events), unless
    /// `startd/ignore_error` names it (the event is masked out of the
    /// critical set by `method_ready_contract`'s `cte_mask`).
    func contractMemberDied(_ instance: InstanceRuntime, _ status: ExitStatus) {
        guard instance.state.isRunning, !instance.inTransition, instance.definition.duration == .contract,
              let signal = status.signal
        else { return }
        if status.dumpedCore {
            guard !instance.definition.ignoredErrors.contains("core") else { return }
            stopInstance(instance, .core)
        } else {
            guard !instance.definition.ignoredErrors.contains("signal") else {
                instance.log.write("A process received signal \(ExitStatus.name(of: signal)); ignored (startd/ignore_error).")
                return
            }
            stopInstance(instance, .signal)
        }
    }

    /// wait.c `wait_remove`: a child service's process exited. Status 0 is
    /// `RSTOP_EXIT`, `SMF_EXIT_ERR_CONFIG` is `RSTOP_ERR_CFG`, other codes
    /// `RSTOP_ERR_EXIT`. A death by signal has exit status 0 there
    /// (`WEXITSTATUS`), so it is `RSTOP_EXIT` too: contract events of a
    /// wait-style service are ignored (restarter.c `contract_action`: "We
    /// ignore all events; if they impact the process we're monitoring, then
    /// the wait_thread will stop the instance."). While svc.startd itself is
    /// stopping the instance the exit is ignored (`wait_ignore_by_fmri`).
    func childExited(_ instance: InstanceRuntime, _ status: ExitStatus) {
        instance.childProcess = nil
        guard !instance.inTransition, instance.state.isRunning else { return }
        let cause: StopCause
        if let signal = status.signal {
            framework.write("instance \(instance.definition.fmri) died on signal \(ExitStatus.name(of: signal))")
            cause = .exit
        } else if status.code == 0 {
            cause = .exit
        } else {
            framework.write("instance \(instance.definition.fmri) exited with status \(status.code)")
            cause = status.code == MethodExit.configuration ? .configurationError : .errorExit
        }
        stopInstance(instance, cause)
    }

    /// The empty-contract event: every process of a contract service has
    /// exited (`CT_PR_EV_EMPTY` → `RSTOP_EXIT`).
    func checkContracts() {
        for fmri in order {
            guard let instance = instances[fmri], instance.state.isRunning, !instance.inTransition,
                  instance.definition.duration == .contract, let contract = instance.contract,
                  ProcessGroups.isEmpty(contract)
            else { continue }
            stopInstance(instance, .exit)
        }
    }

    func remember(group: pid_t) {
        guard !knownGroups.contains(group) else { return }
        knownGroups.insert(group)
        let descriptor = open(configuration.processGroupsPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let line = Array("\(group)\n".utf8)
        _ = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }
}

/// The exit codes of `<smf_method.h>` that svc.startd treats specially.
enum MethodExit {
    static let fatal: Int32 = 95  // SMF_EXIT_ERR_FATAL
    static let configuration: Int32 = 96  // SMF_EXIT_ERR_CONFIG
    static let noSMF: Int32 = 99  // SMF_EXIT_ERR_NOSMF
    static let permission: Int32 = 100  // SMF_EXIT_ERR_PERM
}
