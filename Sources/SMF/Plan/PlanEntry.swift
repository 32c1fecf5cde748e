/// What svc.startd would run for one instance's start method: the command
/// after token expansion and the method context it runs in. The JSON form
/// (`smfkit plan --format json`) uses exactly these keys.
public struct PlanEntry: Hashable, Sendable, Codable {
    /// `svc:/service:instance`.
    public var fmri: String
    /// The expanded `exec`. svc.startd runs it as `/sbin/sh -c "exec EXEC"`
    /// (method.c: exec_method), so the shell is replaced by its command.
    public var exec: String
    public var user: String
    public var group: String
    public var workingDirectory: String
    /// `method_environment` plus the `SMF_*` variables svc.startd adds.
    public var environment: [String: String]
    public var timeoutSeconds: Int

    public init(
        fmri: String, exec: String, user: String, group: String, workingDirectory: String,
        environment: [String: String], timeoutSeconds: Int
    ) {
        self.fmri = fmri
        self.exec = exec
        self.user = user
        self.group = group
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
    }
}

/// The stable ids of what can stop an instance from being planned.
public enum PlanRuleID {
    public static let unknownNode = "smf.plan.node"
    public static let noStartMethod = "smf.plan.start-method"
    public static let expansion = "smf.plan.method-tokens"
    public static let unknownUser = "smf.plan.user"
    public static let unknownGroup = "smf.plan.group"
    public static let timeout = "smf.plan.timeout"
    public static let cycle = "smf.plan.dependency-cycle"
    public static let noInput = "smf.plan.input"
}
