import Diagnostics

/// Collects an entity's property groups in the order svccfg creates them,
/// merging same-name same-type groups and recording what svccfg refuses
/// (`internal_pgroup_find_or_create`, `internal_attach_pgroup`,
/// `internal_attach_property`). Lookups are hashed, so a group with many
/// properties costs linear time.
struct PropertyGroupBuilder {
    private(set) var groups: [PropertyGroupView] = []
    private(set) var conflicts: [PropertyGroupConflict] = []
    private var groupIndex: [String: Int] = [:]
    private var propertyNames: [Set<String>] = []

    /// The index of group `name`, created if absent. nil when a group of that
    /// name exists with another type: the conflict is recorded and the
    /// element's properties are dropped, as svccfg stops there.
    mutating func group(_ name: String, type: String?, location: SourceLocation?) -> Int? {
        if let index = groupIndex[name] {
            if let existing = groups[index].type, let type, existing != type {
                conflicts.append(.groupType(group: name, firstType: existing, secondType: type, location: location))
                return nil
            }
            if groups[index].type == nil { groups[index].type = type }
            return index
        }
        groups.append(PropertyGroupView(name: name, type: type, location: location))
        propertyNames.append([])
        groupIndex[name] = groups.count - 1
        return groups.count - 1
    }

    mutating func add(_ property: ComposedProperty, to index: Int?) {
        guard let index else { return }
        guard propertyNames[index].insert(property.name).inserted else {
            conflicts.append(.duplicateProperty(group: groups[index].name, property: property.name,
                                                location: property.location))
            return
        }
        groups[index].properties.append(property)
    }

    mutating func add(_ properties: [Property], to index: Int?) {
        for property in properties {
            add(ComposedProperty(name: property.name, type: property.type, values: property.values,
                                 location: property.location), to: index)
        }
    }

    var result: EntityPropertyGroups { EntityPropertyGroups(groups: groups, conflicts: conflicts) }
}
