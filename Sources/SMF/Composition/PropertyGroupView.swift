import Diagnostics

/// A property group as the repository holds it after svccfg has loaded a
/// bundle: the explicit `<property_group>`s and the groups svccfg
/// synthesises from methods, dependencies, `general` and so on (smf.md §5).
public struct PropertyGroupView: Hashable, Sendable {
    public var name: String
    /// nil when no element gave one (a profile may omit it).
    public var type: String?
    public var properties: [ComposedProperty]
    /// The element the group came from (the first one, if several merged).
    public var location: SourceLocation?

    public init(name: String, type: String?, properties: [ComposedProperty] = [], location: SourceLocation? = nil) {
        self.name = name
        self.type = type
        self.properties = properties
        self.location = location
    }

    public subscript(property name: String) -> ComposedProperty? {
        properties.first { $0.name == name }
    }
}

/// One property of a `PropertyGroupView`.
public struct ComposedProperty: Hashable, Sendable {
    public var name: String
    /// The type as written (nil when a profile omitted it).
    public var type: String?
    public var values: [PropertyValue]
    public var location: SourceLocation?

    public init(name: String, type: String?, values: [PropertyValue], location: SourceLocation? = nil) {
        self.name = name
        self.type = type
        self.values = values
        self.location = location
    }

    public init(_ name: String, _ type: SMFType, _ values: [String], location: SourceLocation?) {
        self.init(name: name, type: type.rawValue, values: values.map { PropertyValue($0, location: location) },
                  location: location)
    }

    public var smfType: SMFType? { type.flatMap(SMFType.init(rawValue:)) }
    public var textValues: [String] { values.map(\.text) }
}

/// What went wrong while merging an entity's groups, the way svccfg's
/// `internal_attach_*` functions refuse it.
public enum PropertyGroupConflict: Hashable, Sendable {
    /// The same group name with two different types: svccfg loads both (its
    /// `Multiple definitions of property group` check never matches), and
    /// svc.configd refuses the second at import.
    case groupType(group: String, firstType: String, secondType: String, location: SourceLocation?)
    /// The same property twice in one (merged) group
    /// (`Multiple definitions for property %s in property group %s.`).
    case duplicateProperty(group: String, property: String, location: SourceLocation?)
}

/// The property groups of one entity (service or instance) and the
/// conflicts met while building them.
public struct EntityPropertyGroups: Hashable, Sendable {
    public var groups: [PropertyGroupView]
    public var conflicts: [PropertyGroupConflict]
    /// Groups whose name an earlier group of another type holds: svccfg
    /// keeps them apart (and validates them against the templates); lookups
    /// by name never see them.
    public var shadowGroups: [PropertyGroupView] = []

    public subscript(group name: String) -> PropertyGroupView? {
        groups.first { $0.name == name }
    }
}
