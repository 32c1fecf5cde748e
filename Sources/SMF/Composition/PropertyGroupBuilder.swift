import Diagnostics

/// Collects an entity's property groups in the order svccfg creates them,
/// merging same-name same-type groups and recording what svccfg refuses
/// (`internal_pgroup_find_or_create`, `internal_attach_property`). Lookups
/// are hashed, so a group with many properties costs linear time.
///
/// A name taken by a group of another type makes a group of its own:
/// `internal_pgroup_create_common` looks groups up by name *and* type, and
/// template validation keys its composed groups the same way
/// (`svccfg_tmpl.c: composed_pg_compare`). It is kept apart as a shadow
/// group — checked against the templates, never seen by name lookups — and
/// recorded as a conflict, which svc.configd refuses at import.
struct PropertyGroupBuilder {
    /// Where a group's properties go.
    struct Slot {
        fileprivate var index: Int
        fileprivate var isShadow: Bool
    }

    private(set) var groups: [PropertyGroupView] = []
    private(set) var shadowGroups: [PropertyGroupView] = []
    private(set) var conflicts: [PropertyGroupConflict] = []
    private var groupIndex: [String: Int] = [:]
    private var shadowIndex: [String: Int] = [:]
    private var propertyNames: [Set<String>] = []
    private var shadowPropertyNames: [Set<String>] = []

    /// The slot of group `name`, created if absent.
    mutating func group(_ name: String, type: String?, location: SourceLocation?) -> Slot {
        if let index = groupIndex[name] {
            if let existing = groups[index].type, let type, existing != type {
                conflicts.append(.groupType(group: name, firstType: existing, secondType: type, location: location))
                let key = "\(name)\u{0}\(type)"
                if let shadow = shadowIndex[key] { return Slot(index: shadow, isShadow: true) }
                shadowGroups.append(PropertyGroupView(name: name, type: type, location: location))
                shadowPropertyNames.append([])
                shadowIndex[key] = shadowGroups.count - 1
                return Slot(index: shadowGroups.count - 1, isShadow: true)
            }
            if groups[index].type == nil { groups[index].type = type }
            return Slot(index: index, isShadow: false)
        }
        groups.append(PropertyGroupView(name: name, type: type, location: location))
        propertyNames.append([])
        groupIndex[name] = groups.count - 1
        return Slot(index: groups.count - 1, isShadow: false)
    }

    mutating func add(_ property: ComposedProperty, to slot: Slot) {
        let inserted = slot.isShadow ? shadowPropertyNames[slot.index].insert(property.name).inserted
            : propertyNames[slot.index].insert(property.name).inserted
        guard inserted else {
            let group = slot.isShadow ? shadowGroups[slot.index].name : groups[slot.index].name
            conflicts.append(.duplicateProperty(group: group, property: property.name, location: property.location))
            return
        }
        if slot.isShadow {
            shadowGroups[slot.index].properties.append(property)
        } else {
            groups[slot.index].properties.append(property)
        }
    }

    mutating func add(_ properties: [Property], to slot: Slot) {
        for property in properties {
            add(ComposedProperty(name: property.name, type: property.type, values: property.values,
                                 location: property.location), to: slot)
        }
    }

    var result: EntityPropertyGroups {
        EntityPropertyGroups(groups: groups, conflicts: conflicts, shadowGroups: shadowGroups)
    }
}
