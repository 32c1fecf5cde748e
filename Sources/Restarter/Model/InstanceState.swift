/// The six states an instance can be in (`restarter_instance_state_t`,
/// libscf.h), spelled as `svcs` prints them.
public enum InstanceState: String, Codable, Sendable, CaseIterable {
    case uninitialized
    case offline
    case online
    case degraded
    case maintenance
    case disabled

    /// `inst_running` (graph.c): online and degraded satisfy dependencies.
    public var isRunning: Bool { self == .online || self == .degraded }
}

/// Why an instance last changed state: the short names of librestart's
/// `restarter_str` table (librestart.c), which `svcs -l`/`-x` explain.
public enum StateReason: String, Codable, Sendable {
    case none
    case administrativeRequest = "administrative_request"
    case clearRequest = "clear_request"
    case ctEvCore = "ct_ev_core"
    case ctEvExit = "ct_ev_exit"
    case ctEvSignal = "ct_ev_signal"
    case dependenciesSatisfied = "dependencies_satisfied"
    case dependencyActivity = "dependency_activity"
    case dependencyCycle = "dependency_cycle"
    case disableRequest = "disable_request"
    case enableRequest = "enable_request"
    case faultThresholdReached = "fault_threshold_reached"
    case insertInGraph = "insert_in_graph"
    case methodFailed = "method_failed"
    case perConfiguration = "per_configuration"
    case refresh
    case restartRequest = "restart_request"
    case restartingTooQuickly = "restarting_too_quickly"

    /// librestart's long text for the reason (`restarter_get_str_long`).
    public var explanation: String {
        switch self {
        case .none: "no reason recorded"
        case .administrativeRequest: "maintenance was requested by an administrator"
        case .clearRequest: "maintenance clear was requested by an administrator"
        case .ctEvCore: "a process dumped core"
        case .ctEvExit: "all processes in the service have exited"
        case .ctEvSignal: "a process received a fatal signal from outside the service"
        case .dependenciesSatisfied: "all dependencies have been satisfied"
        case .dependencyActivity: "a dependency activity required a stop"
        case .dependencyCycle: "a dependency cycle exists"
        case .disableRequest: "a disable was requested"
        case .enableRequest: "an enable was requested"
        case .faultThresholdReached: "a method is failing in a retryable manner but too often"
        case .insertInGraph: "the instance was inserted in the graph"
        case .methodFailed: "a start, stop or refresh method failed"
        case .perConfiguration: "the SMF repository configuration specifies this state"
        case .refresh: "a refresh was requested (no change of state)"
        case .restartRequest: "a restart was requested"
        case .restartingTooQuickly: "the instance is restarting too quickly"
        }
    }
}

/// The kind of event behind a stop, ordered as `restarter_error_t`
/// (restarter.h): `propagate_stop` (graph.c) stops a dependent when
/// `err <= gv_restart`, so a dependency with `restart_on="error"` follows
/// only faults, `restart` also restarts, `refresh` also refreshes.
public enum RestarterError: Int, Comparable, Sendable {
    case none = 0
    case fault = 1
    case restart = 2
    case refresh = 3

    /// A dependency's `restart_on` as `depgroup_read_restart` (libscf.c) maps it.
    public init(restartOn: String) {
        switch restartOn {
        case "error": self = .fault
        case "restart": self = .restart
        case "refresh": self = .refresh
        default: self = .none
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Why `stop_instance` (restarter.c) stops an instance, with the words it
/// logs ("Stopping because …") and the error type it hands the graph.
enum StopCause: Sendable {
    /// `RSTOP_EXIT`: the contract emptied, or a child service exited 0.
    case exit
    /// `RSTOP_CORE`.
    case core
    /// `RSTOP_SIGNAL`.
    case signal
    /// `RSTOP_DEPENDENCY`.
    case dependency
    /// `RSTOP_DISABLE`.
    case disable
    /// `RSTOP_RESTART`.
    case restart
    /// `RSTOP_ERR_CFG`: a child service exited `SMF_EXIT_ERR_CONFIG`.
    case configurationError
    /// `RSTOP_ERR_EXIT`: a child service exited non-zero.
    case errorExit

    var words: String {
        switch self {
        case .exit: "all processes in service exited"
        case .core: "process dumped core"
        case .signal: "process received fatal signal from outside the service"
        case .dependency: "dependency activity requires stop"
        case .disable: "service disabled"
        case .restart: "service restarting"
        case .configurationError: "service exited with a configuration error"
        case .errorExit: "service exited with an error"
        }
    }

    var error: RestarterError {
        switch self {
        case .core, .signal, .configurationError: .fault
        case .exit, .errorExit, .dependency, .disable, .restart: .restart
        }
    }

    var reason: StateReason {
        switch self {
        case .exit, .errorExit: .ctEvExit
        case .core: .ctEvCore
        case .signal: .ctEvSignal
        case .dependency: .dependencyActivity
        case .disable: .disableRequest
        case .restart: .restartRequest
        case .configurationError: .methodFailed
        }
    }
}
