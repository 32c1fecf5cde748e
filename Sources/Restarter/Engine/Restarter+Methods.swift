#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import SMF

/// Running methods: method.c's `method_run` and `method_thread`.
extension Restarter {
    /// How a method run failed (`method_run`'s return values, and the exit code).
    enum MethodFailure {
        /// `EINVAL`: no usable method or context; not retried.
        case invalid(String)
        /// `ELOOP`: restarting too quickly.
        case tooQuickly
        /// `ERANGE`: timed out and `startd/timeout_retry` is false.
        case timedOut
        /// `EAGAIN`: the method died on a signal; retried.
        case signal(Int32)
        /// `EFAULT`: could not fork, or the contract outlived the stop timeout.
        case fault(String)
        /// A non-zero exit code.
        case exit(Int32)

        /// `method_thread`: exit codes `SMF_EXIT_ERR_CONFIG`, `_NOSMF`,
        /// `_PERM` and `_FATAL` and errors other than `EAGAIN` are final.
        var retryable: Bool {
            switch self {
            case .signal: true
            case .exit(let code):
                ![MethodExit.configuration, MethodExit.noSMF, MethodExit.permission, MethodExit.fatal].contains(code)
            default: false
            }
        }
    }

    /// `method_run` up to the fork, and the fork.
    func runMethod(_ kind: MethodKind, of instance: InstanceRuntime, error: RestarterError, reason: StateReason) {
        let definition = instance.definition
        let prepared = PreparedMethod.prepare(
            kind, of: withRestarterGroup(instance), catalog: catalog, zoneName: configuration.zoneName)
        if case .absent(let propertyOnly) = prepared {
            if kind == .refresh {
                instance.log.write("No 'refresh' method defined.  Treating as :true.")
            } else if propertyOnly {
                instance.log.write("Method property '\(kind.rawValue)/exec is not present.")
            } else {
                instance.log.write("Method property group '\(kind.rawValue)' is not present.")
            }
            return methodSucceeded(kind, of: instance, error: error, reason: reason)
        }
        // "service is not running, nothing to stop"
        if kind == .stop, definition.duration != .transient, instance.contract == nil {
            return methodSucceeded(kind, of: instance, error: error, reason: reason)
        }
        switch prepared {
        case .absent:
            return
        case .null:
            instance.log.write("Executing \(kind.rawValue) method (null).")
            methodSucceeded(kind, of: instance, error: error, reason: reason)
        case .kill(let signal):
            guard let contract = instance.contract else {
                instance.log.write("Invalid use of \":kill\" as stop method for transient service.")
                return methodFailed(kind, of: instance, .invalid(":kill with no contract"), error: error, reason: reason)
            }
            instance.log.write("Executing \(kind.rawValue) method (:kill).")
            ProcessGroups.signal(contract, signal)
            if kind == .stop {
                let timeout = stopTimeout(of: definition)
                instance.assuredKill = AssuredKill(
                    deadline: timeout.map { Self.now() + $0 }, error: error, reason: reason)
            } else {
                methodSucceeded(kind, of: instance, error: error, reason: reason)
            }
        case .invalid(let message):
            instance.log.write(message)
            methodFailed(kind, of: instance, .invalid(message), error: error, reason: reason)
        case .command(let command):
            if kind == .start {
                recordStart(instance)
                if definition.duration != .child, rateIsCritical(instance) {
                    instance.log.write("Restarting too quickly, changing state to maintenance.")
                    return methodFailed(kind, of: instance, .tooQuickly, error: error, reason: reason)
                }
            }
            instance.log.write("Executing \(kind.rawValue) method (\"\(command.exec)\").")
            switch ProcessGroups.spawn(
                prefix: command.credentialPrefix, script: command.script, environment: command.environment,
                logPath: instance.log.path)
            {
            case .failure(let failure):
                framework.write("\(definition.fmri): Couldn't fork to execute method \(command.exec): \(failure.description)")
                methodFailed(kind, of: instance, .fault(failure.description), error: error, reason: reason)
            case .success(let pid):
                remember(group: pid)
                if kind == .start, definition.duration == .child {
                    // Wait-style: the child is the service, online at once,
                    // and its start method has no timeout.
                    instance.childProcess = pid
                    instance.contract = pid
                    return methodSucceeded(kind, of: instance, error: error, reason: reason)
                }
                instance.method = RunningMethod(
                    kind: kind, pid: pid, group: pid, exec: command.exec,
                    deadline: command.timeoutSeconds.map { Self.now() + $0 }, error: error, reason: reason)
            }
        }
    }

    /// The instance's definition with the `restarter` property group
    /// svc.startd keeps on every instance (state, next_state, the primary
    /// contract, the start PID, the log: `restarter_store_contract`,
    /// `libscf_write_start_pid`, `libscf_note_method_log`), so that
    /// `%{restarter/contract}` expands and `svcprop` shows it. The contract
    /// id here is the process group id.
    func withRestarterGroup(_ instance: InstanceRuntime) -> InstanceDefinition {
        var definition = instance.definition
        var properties = [
            ComposedProperty("state", .astring, [instance.state.rawValue], location: nil),
            ComposedProperty("next_state", .astring, [instance.nextState?.rawValue ?? "none"], location: nil),
            ComposedProperty("logfile", .astring, [instance.log.path], location: nil),
            ComposedProperty("auxiliary_state", .astring, [instance.reason.rawValue], location: nil),
        ]
        if let contract = instance.contract {
            properties.append(ComposedProperty("contract", .count, [String(contract)], location: nil))
        }
        if let child = instance.childProcess ?? instance.contract {
            properties.append(ComposedProperty("start_pid", .count, [String(child)], location: nil))
        }
        definition.composed.removeAll { $0.name == "restarter" }
        definition.composed.append(PropertyGroupView(name: "restarter", type: "framework", properties: properties))
        return definition
    }

    /// `method_run` after `waitpid`.
    func methodExited(_ instance: InstanceRuntime, _ status: ExitStatus, _ now: Double) {
        guard let method = instance.method else { return }
        instance.method = nil
        let kind = method.kind
        if method.timedOut, !instance.definition.retriesAfterTimeout {
            return methodFailed(kind, of: instance, .timedOut, error: method.error, reason: method.reason)
        }
        if let signal = status.signal {
            instance.log.write("Method \"\(kind.rawValue)\" failed due to signal \(ExitStatus.name(of: signal)).")
            return methodFailed(kind, of: instance, .signal(signal), error: method.error, reason: method.reason)
        }
        instance.log.write("Method \"\(kind.rawValue)\" exited with status \(status.code).")
        guard status.code == 0 else {
            return methodFailed(kind, of: instance, .exit(status.code), error: method.error, reason: method.reason)
        }
        if kind == .start, instance.definition.duration == .contract {
            instance.contract = method.group
        } else if kind == .start, instance.definition.duration == .transient {
            // A transient service's contract is abandoned; what it left
            // running is no longer the instance's (method.c `contract_out`).
            framework.write("\(instance.definition.fmri): transient contract \(method.group) abandoned")
        }
        if kind == .stop, instance.definition.duration != .transient, let contract = instance.contract,
           !ProcessGroups.isEmpty(contract)
        {
            // assured_kill: give the contract the rest of the timeout to empty.
            let remaining = method.deadline.map { max(0, $0 - now) }
            instance.assuredKill = AssuredKill(
                deadline: remaining.map { now + $0 }, error: method.error, reason: method.reason)
            return
        }
        methodSucceeded(kind, of: instance, error: method.error, reason: method.reason)
    }

    /// The timeout thread (restarter.c): a method, or a contract that must
    /// empty after its stop method, overran `timeout_seconds`; its contract
    /// gets SIGKILL.
    func fireTimeouts(_ now: Double) {
        for fmri in order {
            guard let instance = instances[fmri], var method = instance.method, !method.timedOut,
                  let deadline = method.deadline, now >= deadline
            else { continue }
            instance.log.write("Method or service exit timed out.  Killing contract \(method.group).")
            ProcessGroups.signal(method.group, SIGKILL)
            method.timedOut = true
            instance.method = method
        }
    }

    func checkAssuredKills(_ now: Double) {
        for fmri in order {
            guard let instance = instances[fmri], let pending = instance.assuredKill else { continue }
            guard let contract = instance.contract, !ProcessGroups.isEmpty(contract) else {
                instance.assuredKill = nil
                if instance.lastKillTimedOut {
                    // "if (inst->ri_timeout->te_fired) result = EFAULT;"
                    instance.lastKillTimedOut = false
                    methodFailed(.stop, of: instance, .fault("the service did not exit before the stop timeout"),
                                 error: pending.error, reason: pending.reason)
                } else {
                    methodSucceeded(.stop, of: instance, error: pending.error, reason: pending.reason)
                }
                continue
            }
            if let deadline = pending.deadline, now >= deadline, !instance.lastKillTimedOut {
                instance.log.write("Method or service exit timed out.  Killing contract \(contract).")
                ProcessGroups.signal(contract, SIGKILL)
                instance.lastKillTimedOut = true
            }
        }
    }

    /// `method_thread` on success: the state the method was carrying the
    /// instance to; the fault count reset.
    func methodSucceeded(_ kind: MethodKind, of instance: InstanceRuntime, error: RestarterError, reason: StateReason) {
        instance.faultCount = 0
        switch kind {
        case .start:
            setState(instance, instance.nextState ?? .online, error: error, reason: reason)
        case .stop:
            // The stop method succeeded: the primary contract is gone.
            if let contract = instance.contract { ProcessGroups.signal(contract, SIGKILL) }
            instance.contract = nil
            instance.childProcess = nil
            setState(instance, instance.nextState ?? .offline, error: error, reason: reason)
        case .refresh:
            instance.nextState = nil
        }
    }

    /// `method_thread` on failure: retry a retryable failure until the fault
    /// threshold, else maintenance.
    func methodFailed(
        _ kind: MethodKind, of instance: InstanceRuntime, _ failure: MethodFailure, error: RestarterError,
        reason: StateReason
    ) {
        if failure.retryable {
            instance.faultCount += 1
            if instance.faultCount < Self.faultThreshold {
                framework.write("\(instance.definition.fmri): Increasing fault count to \(instance.faultCount); retrying \(kind.rawValue) method")
                return runMethod(kind, of: instance, error: error, reason: reason)
            }
        }
        let method = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        switch failure {
        case .tooQuickly: instance.lastFailure = "Restarting too quickly."
        case .timedOut: instance.lastFailure = "\(method) method timed out."
        case .signal(let signal):
            instance.lastFailure = "\(method) method failed repeatedly, last died on \(ExitStatus.name(of: signal)) (\(signal))."
        case .exit(let code) where code == MethodExit.configuration:
            instance.lastFailure = "\(method) method exited with $SMF_EXIT_ERR_CONFIG."
        case .exit(let code) where code == MethodExit.fatal:
            instance.lastFailure = "\(method) method exited with $SMF_EXIT_ERR_FATAL."
        case .exit(let code) where failure.retryable:
            instance.lastFailure = "\(method) method failed repeatedly, last exited with status \(code)."
        case .exit(let code): instance.lastFailure = "\(method) method exited with status \(code)."
        case .invalid(let message), .fault(let message): instance.lastFailure = "\(method) method failed: \(message)."
        }
        let maintenanceReason: StateReason
        if case .tooQuickly = failure {
            maintenanceReason = .restartingTooQuickly
        } else if failure.retryable {
            maintenanceReason = .faultThresholdReached
        } else {
            maintenanceReason = .methodFailed
        }
        enterMaintenance(instance, maintenanceReason)
    }

    /// Maintenance: the primary contract is removed. svc.startd abandons
    /// it (its processes may live on); here it is killed, so that no
    /// process outlives the restarter's knowledge of it.
    func enterMaintenance(_ instance: InstanceRuntime, _ reason: StateReason) {
        if let contract = instance.contract {
            ProcessGroups.signal(contract, SIGKILL)
            framework.write("\(instance.definition.fmri): contract \(contract) killed on the way to maintenance")
        }
        instance.contract = nil
        instance.childProcess = nil
        instance.method = nil
        instance.assuredKill = nil
        setState(instance, .maintenance, error: .fault, reason: reason)
    }

    /// `method_record_start`.
    func recordStart(_ instance: InstanceRuntime) {
        let count = criticalFailureCount(instance.definition)
        if instance.startTimes.count != count {
            instance.startTimes = [Double](repeating: 0, count: count)
            instance.startIndex = 0
        }
        instance.startTimes[instance.startIndex % count] = Self.now()
        instance.startIndex += 1
    }

    /// `method_rate_critical`: the average interval between the last
    /// `RINST_START_TIMES` starts is below `RINST_FAILURE_RATE_NS` (child
    /// services: `RINST_WT_SVC_FAILURE_RATE_NS`), or the instance's
    /// `startd/critical_failure_count` and `critical_failure_period`.
    func rateIsCritical(_ instance: InstanceRuntime) -> Bool {
        let count = criticalFailureCount(instance.definition)
        let n = instance.startIndex
        guard n >= count, count > 1 else { return false }
        let average = (instance.startTimes[(n - 1) % count] - instance.startTimes[n % count]) / Double(count - 1)
        return average < criticalFailurePeriod(instance.definition)
    }

    func criticalFailureCount(_ definition: InstanceDefinition) -> Int {
        definition.composed[group: "startd"]?[property: "critical_failure_count"]?.textValues.first
            .flatMap(Int.init) ?? Self.startTimes
    }

    func criticalFailurePeriod(_ definition: InstanceDefinition) -> Double {
        if let period = definition.composed[group: "startd"]?[property: "critical_failure_period"]?.textValues.first
            .flatMap(Double.init)
        {
            return period
        }
        return (definition.duration == .child ? Self.waitFailureRate : Self.failureRate) * configuration.timeScale
    }

    func stopTimeout(of definition: InstanceDefinition) -> Double? {
        definition.composed[group: "stop"]?[property: "timeout_seconds"]?.textValues.first
            .flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil }
    }
}
