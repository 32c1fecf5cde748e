import Diagnostics

/// `<exec_method>`: start, stop, refresh or another method.
public struct ExecMethod: Hashable, Sendable {
    public var name: String
    /// `method` | `monitor`.
    public var type: String
    public var exec: String
    /// Kept as text: svccfg parses it like a count (`-1` is infinite).
    public var timeoutSeconds: String
    public var delete: String?
    public var methodContext: MethodContext?
    public var stability: Stability?
    public var properties: [Property]
    public var location: SourceLocation?

    public init(
        name: String, type: String = "method", exec: String, timeoutSeconds: String, delete: String? = nil,
        methodContext: MethodContext? = nil, stability: Stability? = nil, properties: [Property] = [],
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.exec = exec
        self.timeoutSeconds = timeoutSeconds
        self.delete = delete
        self.methodContext = methodContext
        self.stability = stability
        self.properties = properties
        self.location = location
    }
}

/// `<method_context>`: who and where a method runs.
public struct MethodContext: Hashable, Sendable {
    public var workingDirectory: String?
    public var project: String?
    public var resourcePool: String?
    public var securityFlags: String?
    public var credential: MethodCredential?
    public var profile: MethodProfile?
    /// nil when there is no `<method_environment>`.
    public var environment: [EnvironmentVariable]?
    public var location: SourceLocation?

    public init(
        workingDirectory: String? = nil, project: String? = nil, resourcePool: String? = nil,
        securityFlags: String? = nil, credential: MethodCredential? = nil, profile: MethodProfile? = nil,
        environment: [EnvironmentVariable]? = nil, location: SourceLocation? = nil
    ) {
        self.workingDirectory = workingDirectory
        self.project = project
        self.resourcePool = resourcePool
        self.securityFlags = securityFlags
        self.credential = credential
        self.profile = profile
        self.environment = environment
        self.location = location
    }
}

/// `<method_credential>`.
public struct MethodCredential: Hashable, Sendable {
    public var user: String
    public var group: String?
    public var supplementaryGroups: String?
    public var privileges: String?
    public var limitPrivileges: String?
    public var location: SourceLocation?

    public init(
        user: String, group: String? = nil, supplementaryGroups: String? = nil, privileges: String? = nil,
        limitPrivileges: String? = nil, location: SourceLocation? = nil
    ) {
        self.user = user
        self.group = group
        self.supplementaryGroups = supplementaryGroups
        self.privileges = privileges
        self.limitPrivileges = limitPrivileges
        self.location = location
    }
}

/// `<method_profile name=…/>`: run with an RBAC profile instead of a credential.
public struct MethodProfile: Hashable, Sendable {
    public var name: String
    public var location: SourceLocation?

    public init(name: String, location: SourceLocation? = nil) {
        self.name = name
        self.location = location
    }
}

/// `<envvar name value/>`.
public struct EnvironmentVariable: Hashable, Sendable {
    public var name: String
    public var value: String
    public var location: SourceLocation?

    public init(name: String, value: String, location: SourceLocation? = nil) {
        self.name = name
        self.value = value
        self.location = location
    }
}
