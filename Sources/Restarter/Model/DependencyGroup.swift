import SMF

/// One dependency property group of an instance as the graph engine holds
/// it (a `GVT_GROUP` vertex in graph.c): its grouping, its `restart_on`, and
/// the entities it names (instances, services or `file://` paths).
public struct DependencyGroup: Hashable, Sendable {
    public enum Grouping: String, Sendable {
        case requireAll = "require_all"
        case requireAny = "require_any"
        case optionalAll = "optional_all"
        case excludeAll = "exclude_all"
    }

    public var name: String
    public var grouping: Grouping
    public var restartOn: RestarterError
    /// Canonical FMRIs: `svc:/service[:instance]` or `file://path`.
    public var targets: [String]

    /// The groups of `fmri`, from the arcs of the manifests' dependency
    /// graph (its own and its service's `<dependency>`s, and `<dependent>`s
    /// declared on it elsewhere); restarter arcs are not dependencies here.
    static func groups(of fmri: String, in graph: DependencyGraph) -> [DependencyGroup] {
        var groups: [DependencyGroup] = []
        for arc in graph.arcs where arc.from == fmri && arc.origin != .restarter {
            let grouping = Grouping(rawValue: arc.grouping) ?? .requireAll
            if let index = groups.firstIndex(where: { $0.name == arc.name && $0.grouping == grouping }) {
                groups[index].targets.append(arc.to)
            } else {
                groups.append(DependencyGroup(
                    name: arc.name, grouping: grouping, restartOn: RestarterError(restartOn: arc.restartOn),
                    targets: [arc.to]))
            }
        }
        return groups
    }
}
