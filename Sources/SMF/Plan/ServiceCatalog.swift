/// The services of several bundles as the repository would hold them after
/// importing each in turn: a later bundle (a profile, say) adds instances and
/// replaces properties, method definitions and dependencies of the same name.
public struct ServiceCatalog: Sendable {
    /// In the order they were first seen.
    public private(set) var services: [Service] = []

    public init(bundles: [ServiceBundle]) {
        for bundle in bundles { add(bundle) }
    }

    public mutating func add(_ bundle: ServiceBundle) {
        for nested in bundle.bundles { add(nested) }
        for service in bundle.services {
            if let index = services.firstIndex(where: { $0.name == service.name }) {
                services[index] = Self.merge(services[index], service)
            } else {
                services.append(service)
            }
        }
    }

    public func service(named name: String) -> Service? {
        services.first { $0.name == name }
    }

    /// The values of the property a full property FMRI names, the way
    /// svc.startd reads it: an instance's composed view, or the service's own
    /// group when the FMRI has no instance. nil when anything is missing.
    public func values(at parts: FMRI.ServiceFMRIParts) -> [String]? {
        guard let serviceName = parts.service, let group = parts.propertyGroup, let name = parts.property,
              let service = service(named: serviceName)
        else { return nil }
        let groups: [PropertyGroupView]
        if let instanceName = parts.instance {
            guard let instance = service.effectiveInstances.first(where: { $0.name == instanceName }) else { return nil }
            groups = composedProperties(of: instance, in: service)
        } else {
            groups = PropertyGroupSynthesis.groups(of: service).groups
        }
        return groups[group: group]?[property: name]?.textValues
    }

    // MARK: merging, later over earlier

    private static func merge(_ base: Service, _ overlay: Service) -> Service {
        var merged = base
        merged.entity = merge(base.entity, overlay.entity)
        if let restarter = overlay.restarter { merged.restarter = restarter }
        if let create = overlay.createDefaultInstance { merged.createDefaultInstance = create }
        for instance in overlay.instances {
            if let index = merged.instances.firstIndex(where: { $0.name == instance.name }) {
                var existing = merged.instances[index]
                if let enabled = instance.enabled { existing.enabled = enabled }
                if let restarter = instance.restarter { existing.restarter = restarter }
                existing.entity = merge(existing.entity, instance.entity)
                merged.instances[index] = existing
            } else {
                merged.instances.append(instance)
            }
        }
        return merged
    }

    private static func merge(_ base: Entity, _ overlay: Entity) -> Entity {
        var merged = base
        merged.dependencies = replacingByName(base.dependencies, overlay.dependencies, name: \.name)
        merged.dependents = replacingByName(base.dependents, overlay.dependents, name: \.name)
        merged.execMethods = replacingByName(base.execMethods, overlay.execMethods, name: \.name)
        if let context = overlay.methodContext { merged.methodContext = context }
        for group in overlay.propertyGroups {
            guard let index = merged.propertyGroups.firstIndex(where: { $0.name == group.name }) else {
                merged.propertyGroups.append(group)
                continue
            }
            var existing = merged.propertyGroups[index]
            if let type = group.type { existing.type = type }
            existing.properties = replacingByName(existing.properties, group.properties, name: \.name)
            merged.propertyGroups[index] = existing
        }
        return merged
    }

    private static func replacingByName<T>(_ base: [T], _ overlay: [T], name: KeyPath<T, String>) -> [T] {
        var result = base
        for item in overlay {
            if let index = result.firstIndex(where: { $0[keyPath: name] == item[keyPath: name] }) {
                result[index] = item
            } else {
                result.append(item)
            }
        }
        return result
    }
}
