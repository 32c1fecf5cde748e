import Diagnostics

/// `<service>`. Children appear in the DTD's order when rendered.
public struct Service: Hashable, Sendable {
    public var name: String
    public var version: String
    /// `service` | `restarter` | `milestone`.
    public var type: String
    public var createDefaultInstance: CreateDefaultInstance?
    public var singleInstance: SingleInstance?
    public var restarter: ServiceFMRI?
    public var entity: Entity
    public var instances: [Instance]
    public var stability: Stability?
    public var location: SourceLocation?

    public init(
        name: String, version: String = "1", type: String = "service",
        createDefaultInstance: CreateDefaultInstance? = nil, singleInstance: SingleInstance? = nil,
        restarter: ServiceFMRI? = nil, entity: Entity = Entity(), instances: [Instance] = [],
        stability: Stability? = nil, location: SourceLocation? = nil
    ) {
        self.name = name
        self.version = version
        self.type = type
        self.createDefaultInstance = createDefaultInstance
        self.singleInstance = singleInstance
        self.restarter = restarter
        self.entity = entity
        self.instances = instances
        self.stability = stability
        self.location = location
    }

    /// `svc:/NAME`.
    public var fmri: String { "svc:/\(name)" }
}

/// `<create_default_instance enabled=…/>`.
public struct CreateDefaultInstance: Hashable, Sendable {
    public var enabled: String
    public var location: SourceLocation?

    public init(enabled: Bool, location: SourceLocation? = nil) {
        self.init(rawEnabled: enabled ? "true" : "false", location: location)
    }

    public init(rawEnabled: String, location: SourceLocation? = nil) {
        self.enabled = rawEnabled
        self.location = location
    }
}

/// `<single_instance/>`: obsolete; sets `general/single_instance=true`.
public struct SingleInstance: Hashable, Sendable {
    public var location: SourceLocation?

    public init(location: SourceLocation? = nil) {
        self.location = location
    }
}

/// `<instance>`.
public struct Instance: Hashable, Sendable {
    public var name: String
    /// `true` | `false`; nil when the attribute is absent (allowed in profiles).
    public var enabled: String?
    public var restarter: ServiceFMRI?
    public var entity: Entity
    public var location: SourceLocation?

    public init(
        name: String, enabled: Bool?, restarter: ServiceFMRI? = nil, entity: Entity = Entity(),
        location: SourceLocation? = nil
    ) {
        self.init(name: name, rawEnabled: enabled.map { $0 ? "true" : "false" }, restarter: restarter,
                  entity: entity, location: location)
    }

    public init(
        name: String, rawEnabled: String?, restarter: ServiceFMRI? = nil, entity: Entity = Entity(),
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.enabled = rawEnabled
        self.restarter = restarter
        self.entity = entity
        self.location = location
    }

    public var isEnabled: Bool? {
        switch enabled {
        case "true": true
        case "false": false
        default: nil
        }
    }
}

/// What services and instances have in common: the children between
/// `restarter` and `template` in both content models.
public struct Entity: Hashable, Sendable {
    public var dependencies: [Dependency]
    public var dependents: [Dependent]
    public var methodContext: MethodContext?
    public var execMethods: [ExecMethod]
    public var notificationParameters: [NotificationParameters]
    public var propertyGroups: [PropertyGroup]
    public var template: Template?

    public init(
        dependencies: [Dependency] = [], dependents: [Dependent] = [], methodContext: MethodContext? = nil,
        execMethods: [ExecMethod] = [], notificationParameters: [NotificationParameters] = [],
        propertyGroups: [PropertyGroup] = [], template: Template? = nil
    ) {
        self.dependencies = dependencies
        self.dependents = dependents
        self.methodContext = methodContext
        self.execMethods = execMethods
        self.notificationParameters = notificationParameters
        self.propertyGroups = propertyGroups
        self.template = template
    }
}

/// `<service_fmri value=…/>`.
public struct ServiceFMRI: Hashable, Sendable {
    public var value: String
    public var location: SourceLocation?

    public init(_ value: String, location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }
}

/// `<stability value=…/>`: Standard, Stable, Evolving, Unstable, External, Obsolete.
public struct Stability: Hashable, Sendable {
    public var value: String
    public var location: SourceLocation?

    public init(_ value: String, location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }
}
