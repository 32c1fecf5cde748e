import Diagnostics

/// `<dependency>`: what this entity needs before it runs.
public struct Dependency: Hashable, Sendable {
    public var name: String
    /// `require_all` | `require_any` | `exclude_all` | `optional_all`.
    public var grouping: String
    /// `error` | `restart` | `refresh` | `none`.
    public var restartOn: String
    /// `service` | `path`.
    public var type: String
    public var delete: String?
    public var fmris: [ServiceFMRI]
    public var stability: Stability?
    public var properties: [Property]
    public var location: SourceLocation?

    public init(
        name: String, grouping: String = "require_all", restartOn: String = "none", type: String = "service",
        delete: String? = nil, fmris: [ServiceFMRI], stability: Stability? = nil, properties: [Property] = [],
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.grouping = grouping
        self.restartOn = restartOn
        self.type = type
        self.delete = delete
        self.fmris = fmris
        self.stability = stability
        self.properties = properties
        self.location = location
    }
}

/// `<dependent>`: makes another entity depend on this one.
public struct Dependent: Hashable, Sendable {
    public var name: String
    public var grouping: String
    public var restartOn: String
    public var delete: String?
    public var override: String?
    /// Exactly one in a valid document; optional so an invalid one can be read.
    public var fmri: ServiceFMRI?
    public var stability: Stability?
    public var properties: [Property]
    public var location: SourceLocation?

    public init(
        name: String, grouping: String, restartOn: String, delete: String? = nil, override: String? = nil,
        fmri: ServiceFMRI?, stability: Stability? = nil, properties: [Property] = [],
        location: SourceLocation? = nil
    ) {
        self.name = name
        self.grouping = grouping
        self.restartOn = restartOn
        self.delete = delete
        self.override = override
        self.fmri = fmri
        self.stability = stability
        self.properties = properties
        self.location = location
    }
}
