/// One request on the control socket: a JSON object on one line.
public struct ControlRequest: Codable, Sendable {
    /// `enable`, `disable`, `restart`, `refresh`, `clear`, `status`, `properties`.
    public var command: String
    public var fmri: String?

    public init(command: String, fmri: String? = nil) {
        self.command = command
        self.fmri = fmri
    }
}

/// The answer: a JSON object on one line.
public struct ControlResponse: Codable, Sendable {
    public var ok: Bool
    /// What went wrong, naming the instance and what to do.
    public var message: String?
    public var instances: [InstanceStatus]?
    public var properties: [PropertyLine]?

    public init(ok: Bool, message: String? = nil, instances: [InstanceStatus]? = nil, properties: [PropertyLine]? = nil) {
        self.ok = ok
        self.message = message
        self.instances = instances
        self.properties = properties
    }
}

/// One instance as `svcs -l` and `svcs -x` describe it.
public struct InstanceStatus: Codable, Sendable {
    public var fmri: String
    public var state: InstanceState
    public var nextState: InstanceState?
    /// Seconds since 1970.
    public var since: Double
    public var reason: String
    public var enabled: Bool
    /// The primary contract's process group.
    public var contract: Int32?
    /// The processes in it.
    public var processes: [Int32]
    public var logPath: String
    public var duration: ServiceDuration
    /// Why it is not running, in `svcs -x`'s words; nil when it runs.
    public var explanation: String?
    /// Instances that depend on it and are not running.
    public var impacted: [String]
    /// Dependencies, one line each: "require_all/none svc:/x:y (online)".
    public var dependencies: [String]
}

/// One property of the composed view: `pg/name type value…`, as `svcprop` prints it.
public struct PropertyLine: Codable, Sendable {
    public var name: String
    public var type: String
    public var values: [String]
}
