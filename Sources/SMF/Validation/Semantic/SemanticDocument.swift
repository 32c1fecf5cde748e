import Diagnostics
import Foundation

/// A loaded bundle and what the rules need to know about it: its services,
/// entities and their property groups, the composed view of each instance
/// and the template findings. Each is computed once, on first use, and
/// shared by every rule (see `SharedFacts`), so a large bundle costs linear
/// time per rule rather than per rule and instance.
public final class SemanticDocument: @unchecked Sendable {
    public let bundle: ServiceBundle
    /// The path diagnostics name.
    public let path: String
    /// Manifests are checked as `svccfg import`/`validate` does, profiles as
    /// `svccfg apply` does (smf.md §4.1). Any other type is reported by
    /// `smf.bundle.type` and otherwise checked as a manifest.
    public let isProfile: Bool
    /// The bundle type the svccfg command asked for (`--as`) requires; nil
    /// when any manifest or profile will do.
    public let requiredType: BundleType?

    private let lock = NSRecursiveLock()
    private var cachedServices: [Service]?
    private var cachedEntities: [EntityReference]?
    private var cachedComposed: [ComposedInstance]?
    private var cachedFindings: [TemplateFinding]?

    public init(bundle: ServiceBundle, path: String, isProfile: Bool? = nil, requiredType: BundleType? = nil) {
        self.bundle = bundle
        self.path = path
        self.isProfile = isProfile ?? (bundle.type == BundleType.profile.rawValue)
        self.requiredType = requiredType
    }

    private func memo<Value>(_ slot: ReferenceWritableKeyPath<SemanticDocument, Value?>, _ make: () -> Value)
        -> Value
    {
        lock.lock()
        defer { lock.unlock() }
        if let value = self[keyPath: slot] { return value }
        let value = make()
        self[keyPath: slot] = value
        return value
    }

    /// Every service, including those in nested bundles.
    public var services: [Service] {
        memo(\.cachedServices) {
            func collect(_ bundle: ServiceBundle) -> [Service] {
                bundle.services + bundle.bundles.flatMap(collect)
            }
            return collect(bundle)
        }
    }

    /// Every entity (each service, then each of its effective instances),
    /// with the property groups svccfg builds for it.
    public var entities: [EntityReference] {
        memo(\.cachedEntities) {
            services.flatMap { service in
                [EntityReference(service: service, instance: nil)]
                    + service.effectiveInstances.map { EntityReference(service: service, instance: $0) }
            }
        }
    }

    /// Each effective instance with its composed view. A service's groups
    /// are indexed once and shared by all its instances.
    public var composedInstances: [ComposedInstance] {
        memo(\.cachedComposed) {
            var serviceGroups: [String: IndexedGroups] = [:]
            var serviceShadows: [String: [PropertyGroupView]] = [:]
            for entity in entities where entity.instance == nil && serviceGroups[entity.service.name] == nil {
                serviceGroups[entity.service.name] = IndexedGroups(entity.propertyGroups.groups)
                serviceShadows[entity.service.name] = entity.propertyGroups.shadowGroups
            }
            return entities.compactMap { entity in
                guard let instance = entity.instance else { return nil }
                let view = ComposedView(instance: IndexedGroups(entity.propertyGroups.groups),
                                        service: serviceGroups[entity.service.name] ?? IndexedGroups([]))
                return ComposedInstance(
                    service: entity.service, instance: instance, view: view,
                    shadowGroups: entity.propertyGroups.shadowGroups + (serviceShadows[entity.service.name] ?? []))
            }
        }
    }

    /// Template validation of every instance of a manifest (`tmpl_validate_bundle`);
    /// a profile's templates are not validated.
    var templateFindings: [TemplateFinding] {
        memo(\.cachedFindings) {
            guard !isProfile else { return [] }
            let validator = TemplateValidator()
            return composedInstances.flatMap(validator.findings(for:))
        }
    }
}

/// A service, or one of its instances, with the groups svccfg builds for it.
public struct EntityReference: Sendable {
    public var service: Service
    public var instance: Instance?
    /// The groups svccfg builds for this entity, with their conflicts.
    public let propertyGroups: EntityPropertyGroups

    public init(service: Service, instance: Instance?) {
        self.service = service
        self.instance = instance
        propertyGroups = instance.map { PropertyGroupSynthesis.groups(of: $0, in: service) }
            ?? PropertyGroupSynthesis.groups(of: service)
    }

    public var entity: Entity { instance?.entity ?? service.entity }
    public var location: SourceLocation? { instance?.location ?? service.location }
    public var fmri: String { instance.map { "\(service.fmri):\($0.name)" } ?? service.fmri }
    /// The entity's own name, as svccfg names it in messages.
    public var name: String { instance?.name ?? service.name }
}

/// An instance in the composed view (instance over service).
public struct ComposedInstance: Sendable {
    public var service: Service
    public var instance: Instance
    public var view: ComposedView
    /// The instance's and the service's groups of a name another type
    /// already holds (`EntityPropertyGroups.shadowGroups`): template
    /// validation checks them too.
    public var shadowGroups: [PropertyGroupView] = []

    /// Every composed group (built on each use; prefer `view` lookups).
    public var groups: [PropertyGroupView] { view.allGroups }

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
        // The common case, without parsing.
        if restarterFMRI == "svc:/system/svc/restarter:default" { return true }
        guard case .success(let parts) = FMRI.parseService(restarterFMRI) else { return false }
        return parts.service == "system/svc/restarter" && parts.instance == "default" && parts.propertyGroup == nil
    }
}
