import Diagnostics

/// The instances of a set of manifests (and profiles) and what each waits
/// for, as svc.startd's graph engine would hold them after import
/// (`usr/src/cmd/svc/startd/graph.c`, its header comment): an instance has an
/// arc per dependency property group — its own and its service's, as
/// composed — to every entity the group names; a `<dependent>` of entity E on
/// T gives T a dependency group on E; an instance whose restarter is not
/// svc.startd has an arc to its restarter.
public struct DependencyGraph: Sendable {
    public struct Vertex: Hashable, Sendable {
        public enum Kind: Hashable, Sendable {
            /// An instance; `enabled` as its manifests and profiles leave it.
            case instance(enabled: Bool?)
            /// A service named by a dependency: it stands for all its instances.
            case service
            /// A `file://` dependency.
            case file
            /// Named by a dependency but defined in none of the given files.
            case unresolved
        }

        public var fmri: String
        public var kind: Kind
    }

    public struct Arc: Hashable, Sendable {
        public enum Origin: Hashable, Sendable {
            case dependency
            /// Declared on the target's side by a `<dependent>` element of `declaredBy`.
            case dependent(declaredBy: String)
            case restarter
        }

        /// An instance FMRI.
        public var from: String
        /// A vertex's FMRI.
        public var to: String
        /// The dependency property group's name (empty for a restarter arc).
        public var name: String
        public var grouping: String
        public var restartOn: String
        public var origin: Origin
        public var location: SourceLocation?
    }

    /// Instances first (in the order of the files), then the other vertices by FMRI.
    public private(set) var vertices: [Vertex] = []
    public private(set) var arcs: [Arc] = []

    public init(catalog: ServiceCatalog) {
        var instanceFMRIs: [String] = []
        var instancesOfService: [String: [String]] = [:]
        for service in catalog.services {
            for instance in service.effectiveInstances {
                let fmri = "svc:/\(service.name):\(instance.name)"
                instanceFMRIs.append(fmri)
                instancesOfService[service.fmri, default: []].append(fmri)
                vertices.append(Vertex(fmri: fmri, kind: .instance(enabled: instance.isEnabled)))
            }
        }
        let instances = Set(instanceFMRIs)

        for service in catalog.services {
            for instance in service.effectiveInstances {
                let fmri = "svc:/\(service.name):\(instance.name)"
                for dependency in Self.composedDependencies(instance: instance, service: service) {
                    for target in dependency.fmris {
                        arcs.append(Arc(
                            from: fmri, to: Self.canonical(target.value, type: dependency.type), name: dependency.name,
                            grouping: dependency.grouping, restartOn: dependency.restartOn, origin: .dependency,
                            location: target.location ?? dependency.location))
                    }
                }
                if let restarter = instance.restarter ?? service.restarter,
                   Self.canonical(restarter.value, type: "service") != Self.startd {
                    arcs.append(Arc(
                        from: fmri, to: Self.canonical(restarter.value, type: "service"), name: "", grouping: "require_all",
                        restartOn: "none", origin: .restarter, location: restarter.location))
                }
            }
            // <dependent>s: of the service, on behalf of the service; of an
            // instance, on behalf of that instance.
            let declarers: [(fmri: String, dependents: [Dependent])] =
                [(service.fmri, service.entity.dependents)]
                + service.effectiveInstances.map { ("svc:/\(service.name):\($0.name)", $0.entity.dependents) }
            for (declarer, dependents) in declarers {
                for dependent in dependents where dependent.delete != "true" {
                    guard let target = dependent.fmri else { continue }
                    let canonicalTarget = Self.canonical(target.value, type: "service")
                    // The target's instances get the dependency; an absent
                    // target is drawn as unresolved, depending all the same.
                    let sources = instances.contains(canonicalTarget) ? [canonicalTarget]
                        : instancesOfService[canonicalTarget] ?? [canonicalTarget]
                    for source in sources {
                        arcs.append(Arc(
                            from: source, to: declarer, name: dependent.name, grouping: dependent.grouping,
                            restartOn: dependent.restartOn, origin: .dependent(declaredBy: declarer),
                            location: target.location ?? dependent.location))
                    }
                }
            }
        }

        var others: [String: Vertex.Kind] = [:]
        for arc in arcs {
            for end in [arc.from, arc.to] where !instances.contains(end) && others[end] == nil {
                if end.hasPrefix("file:") {
                    others[end] = .file
                } else if instancesOfService[end] != nil {
                    others[end] = .service
                } else {
                    others[end] = .unresolved
                }
            }
        }
        vertices += others.keys.sorted().map { Vertex(fmri: $0, kind: others[$0] ?? .unresolved) }
        self.instancesOfService = instancesOfService
        self.instances = instances
    }

    /// The instances of each service FMRI, and all instance FMRIs.
    let instancesOfService: [String: [String]]
    let instances: Set<String>

    /// svc.startd's own FMRI: instances it restarts have no restarter arc.
    static let startd = "svc:/system/svc/restarter:default"

    /// An instance's dependencies as the running snapshot holds them: its
    /// own, then its service's that it does not replace by name. One with
    /// `delete="true"` is removed by the import, not created
    /// (`svccfg_libscf.c`: a pgroup with `sc_pgroup_delete` is deleted).
    static func composedDependencies(instance: Instance, service: Service) -> [Dependency] {
        let own = instance.entity.dependencies
        let names = Set(own.map(\.name))
        return (own + service.entity.dependencies.filter { !names.contains($0.name) }).filter { $0.delete != "true" }
    }

    /// `svc:/service[:instance]` or `file://path`, however the FMRI was written
    /// (`svc:network/x`, `/network/x`, `file:///etc/x`, `file://localhost/etc/x`);
    /// unparseable text is kept as written, to be drawn as unresolved.
    static func canonical(_ text: String, type: String) -> String {
        switch FMRI.parse(text) {
        case .success(.file(let path)): return "file://" + path
        case .success(.service(let parts)): return parts.entityFMRI ?? text
        case .failure: return text
        }
    }
}
