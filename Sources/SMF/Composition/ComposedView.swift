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
    let serviceGroups = PropertyGroupSynthesis.groups(of: service).groups
    let instanceGroups = PropertyGroupSynthesis.groups(of: instance, in: service).groups
    var composed = instanceGroups
    for serviceGroup in serviceGroups {
        guard let index = composed.firstIndex(where: { $0.name == serviceGroup.name }) else {
            composed.append(serviceGroup)
            continue
        }
        if composed[index].type == nil { composed[index].type = serviceGroup.type }
        for property in serviceGroup.properties where composed[index][property: property.name] == nil {
            composed[index].properties.append(property)
        }
    }
    return composed
}

extension Array where Element == PropertyGroupView {
    public subscript(group name: String) -> PropertyGroupView? {
        first { $0.name == name }
    }
}
