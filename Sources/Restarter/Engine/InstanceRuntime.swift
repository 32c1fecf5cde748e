import Foundation

/// What the restarter tracks per instance (`restarter_inst_t`, startd.h).
final class InstanceRuntime {
    var definition: InstanceDefinition
    let log: InstanceLog
    /// `ri_i.i_enabled` (`GV_ENABLED` in the graph).
    var enabled: Bool
    var state: InstanceState = .uninitialized
    /// Set while a method is carrying the instance somewhere (`i_next_state`).
    var nextState: InstanceState?
    var since = Date()
    var reason: StateReason = .insertInGraph
    /// The primary contract's process group (`i_primary_ctid`).
    var contract: pid_t?
    /// A child-style service's process (registered with wait.c).
    var childProcess: pid_t?
    var method: RunningMethod?
    /// A stop method has returned; the contract must empty before the stop
    /// is done (method.c `assured_kill`), by this deadline if there is one.
    var assuredKill: AssuredKill?
    /// `ri_start_time`, a ring of `RINST_START_TIMES` entries, and `ri_start_index`.
    var startTimes = [Double](repeating: 0, count: 5)
    var startIndex = 0
    /// `i_fault_count`.
    var faultCount = 0
    /// A child service failing too quickly is throttled (`WT_SVC_ERR_THROTTLE`).
    var notBefore: Double = 0
    /// A disable is waiting for dependents to come down first (`GV_TODISABLE`).
    var disablePending = false
    /// For `svcs -x`: the last method failure, in svc.startd's words.
    var lastFailure: String?
    /// Dependencies outside the given manifests, already logged as assumed.
    var reportedOutside: Set<String> = []
    /// The timeout fired while waiting for the contract to empty after a stop.
    var lastKillTimedOut = false

    init(definition: InstanceDefinition, logDirectory: String) {
        self.definition = definition
        self.log = InstanceLog(path: (logDirectory as NSString).appendingPathComponent(definition.logName))
        self.enabled = definition.enabled
    }

    var inTransition: Bool { nextState != nil }
}

struct RunningMethod {
    var kind: MethodKind
    var pid: pid_t
    var group: pid_t
    var exec: String
    var deadline: Double?
    var timedOut = false
    /// The error type and reason the state update will carry (`sf_event_type`, `sf_reason`).
    var error: RestarterError
    var reason: StateReason
}

struct AssuredKill {
    var deadline: Double?
    var error: RestarterError
    var reason: StateReason
}
