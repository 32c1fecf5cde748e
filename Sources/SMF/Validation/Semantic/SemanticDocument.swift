import Diagnostics

/// A loaded bundle and what the rules need to know about it.
public struct SemanticDocument: Sendable {
    public var bundle: ServiceBundle
    /// The path diagnostics name.
    public var path: String

    /// Manifests are checked as `svccfg import`/`validate` does, profiles as
    /// `svccfg apply` does (smf.md §4.1). Any other type is reported by
    /// `smf.bundle.type` and otherwise checked as a manifest.
    public var isProfile: Bool

    public init(bundle: ServiceBundle, path: String, isProfile: Bool? = nil) {
        self.bundle = bundle
        self.path = path
        self.isProfile = isProfile ?? (bundle.type == BundleType.profile.rawValue)
    }

    /// Every service, including those in nested bundles.
    public var services: [Service] {
        func collect(_ bundle: ServiceBundle) -> [Service] {
            bundle.services + bundle.bundles.flatMap(collect)
        }
        return collect(bundle)
    }

    /// Every entity (each service, then each of its effective instances).
    public var entities: [EntityReference] {
        services.flatMap { service in
            [EntityReference(service: service, instance: nil)]
                + service.effectiveInstances.map { EntityReference(service: service, instance: $0) }
        }
    }

    /// Each effective instance with its composed property groups.
    public var composedInstances: [ComposedInstance] {
        services.flatMap { service in
            service.effectiveInstances.map { instance in
                ComposedInstance(service: service, instance: instance,
                                 groups: composedProperties(of: instance, in: service))
            }
        }
    }
}

/// A service, or one of its instances.
public struct EntityReference: Sendable {
    public var service: Service
    public var instance: Instance?

    public var entity: Entity { instance?.entity ?? service.entity }
    public var location: SourceLocation? { instance?.location ?? service.location }
    public var fmri: String { instance.map { "\(service.fmri):\($0.name)" } ?? service.fmri }
    /// The entity's own name, as svccfg names it in messages.
    public var name: String { instance?.name ?? service.name }

    /// The groups svccfg builds for this entity, with their conflicts.
    public var propertyGroups: EntityPropertyGroups {
        instance.map { PropertyGroupSynthesis.groups(of: $0, in: service) }
            ?? PropertyGroupSynthesis.groups(of: service)
    }
}

/// An instance in the composed view (instance over service).
public struct ComposedInstance: Sendable {
    public var service: Service
    public var instance: Instance
    public var groups: [PropertyGroupView]

    public var fmri: String { "\(service.fmri):\(instance.name)" }

    /// The restarter that runs the instance: its own, its service's, or
    /// svc.startd (`svc:/system/svc/restarter:default`).
    public var restarterFMRI: String {
        instance.restarter?.value ?? service.restarter?.value ?? BuiltinTemplates.startdFMRI
    }

    /// Whether svc.startd runs this instance: only then do its templates
    /// (start and stop methods) and its method-token expansion apply. svccfg
    /// loads a restarter's templates only from an instance FMRI
    /// (`load_instance`), so `svc:/system/svc/restarter` alone does not count.
    public var isDelegatedToStartd: Bool {
        guard case .success(let parts) = FMRI.parseService(restarterFMRI) else { return false }
        return parts.service == "system/svc/restarter" && parts.instance == "default" && parts.propertyGroup == nil
    }
}
