import Diagnostics

extension Service {
    /// The instances svccfg creates for this service: the `<instance>`s, and
    /// `default` from `<create_default_instance>` (placed first, as svccfg
    /// handles that element before any instance).
    public var effectiveInstances: [Instance] {
        guard let create = createDefaultInstance else { return instances }
        let implied = Instance(name: "default", rawEnabled: create.enabled, location: create.location)
        return [implied] + instances
    }
}

/// The composed view of an instance, what SMF runs: the instance's groups
/// over the service's, property by property (an instance property replaces
/// the service property of the same name; `svccfg_tmpl.c` composed pgs).
public func composedProperties(of instance: Instance, in service: Service) -> [PropertyGroupView] {
    ComposedView(instance: IndexedGroups(PropertyGroupSynthesis.groups(of: instance, in: service).groups),
                 service: IndexedGroups(PropertyGroupSynthesis.groups(of: service).groups)).allGroups
}

/// Property groups indexed by name and by type, built once and shared (a
/// service's groups serve every instance of it).
public final class IndexedGroups: Sendable {
    public let groups: [PropertyGroupView]
    let positionByName: [String: Int]
    let positionsByType: [String: [Int]]

    public init(_ groups: [PropertyGroupView]) {
        self.groups = groups
        var byName: [String: Int] = [:]
        var byType: [String: [Int]] = [:]
        for (position, group) in groups.enumerated() {
            if byName[group.name] == nil { byName[group.name] = position }
            byType[group.type ?? "", default: []].append(position)
        }
        positionByName = byName
        positionsByType = byType
    }

    public subscript(name: String) -> PropertyGroupView? { positionByName[name].map { groups[$0] } }
}

/// An instance's groups over its service's, composed on demand so that
/// looking up one group does not cost the whole view.
public struct ComposedView: Sendable {
    public let instanceGroups: IndexedGroups
    public let serviceGroups: IndexedGroups

    public init(instance: IndexedGroups, service: IndexedGroups) {
        instanceGroups = instance
        serviceGroups = service
    }

    /// Group `name` as composed: the instance's properties, then those of
    /// the service's group that the instance lacks.
    public func group(named name: String) -> PropertyGroupView? {
        let own = instanceGroups[name]
        let inherited = serviceGroups[name]
        guard var group = own else { return inherited }
        guard let inherited else { return group }
        if group.type == nil { group.type = inherited.type }
        let present = Set(group.properties.map(\.name))
        group.properties += inherited.properties.filter { !present.contains($0.name) }
        return group
    }

    /// Property `name` of group `group` as composed — the instance's, else
    /// the service's — without composing the whole group (a method line
    /// names dozens of properties, on every instance of a large service).
    public func property(_ name: String, inGroup group: String) -> ComposedProperty? {
        instanceGroups[group]?[property: name] ?? serviceGroups[group]?[property: name]
    }

    /// The composed groups of one type (instance first, then service).
    public func groups(ofType type: String) -> [PropertyGroupView] {
        let own = (instanceGroups.positionsByType[type] ?? []).map { instanceGroups.groups[$0].name }
        let inherited = (serviceGroups.positionsByType[type] ?? []).map { serviceGroups.groups[$0].name }
            .filter { instanceGroups[$0] == nil }
        return (own + inherited).compactMap { group(named: $0) }
    }

    /// Whether the instance defines group `name` itself.
    public func instanceDefines(_ name: String) -> Bool { instanceGroups[name] != nil }

    /// Whether template validation composes the instance's and the
    /// service's group `name` into one: `svccfg_tmpl.c:
    /// build_composed_property_groups` matches them by name *and* type
    /// (`composed_pg_compare`), so groups of one name and two types are
    /// validated apart. A missing type (a profile's) matches any.
    public func templatesCompose(_ name: String) -> Bool {
        guard let own = instanceGroups[name], let inherited = serviceGroups[name] else { return false }
        guard let ownType = own.type, let inheritedType = inherited.type else { return true }
        return ownType == inheritedType
    }

    /// Every composed group: the instance's, then the service's it lacks.
    public var allGroups: [PropertyGroupView] {
        instanceGroups.groups.map { group(named: $0.name) ?? $0 }
            + serviceGroups.groups.filter { instanceGroups[$0.name] == nil }
    }
}

extension Array where Element == PropertyGroupView {
    public subscript(group name: String) -> PropertyGroupView? {
        first { $0.name == name }
    }
}
