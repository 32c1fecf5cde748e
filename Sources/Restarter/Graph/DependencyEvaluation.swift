import Foundation

/// Whether an instance's dependencies let it start, evaluated as graph.c's
/// `dependency_satisfied` and the four grouping functions do. Each answer
/// is one of graph.c's three: satisfied (1), unsatisfied — may still become
/// satisfied — (0), or unsatisfiable without an administrator (-1).
public enum Satisfaction: Int, Sendable {
    case unsatisfiable = -1
    case unsatisfied = 0
    case satisfied = 1
}

/// The graph as the evaluation sees it at one moment.
struct GraphSnapshot {
    struct Vertex {
        var state: InstanceState
        var enabled: Bool
        var dependencies: [DependencyGroup]
    }

    var vertices: [String: Vertex]
    /// Service FMRI → the FMRIs of its instances that are in the run.
    var instancesOfService: [String: [String]]
    /// Entities no given manifest defines (milestones, say): not emulated,
    /// so taken as online, and reported as such in the instance's log.
    var isOutside: (String) -> Bool
    var fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }

    /// `instance_satisfied`: an instance's groups all satisfied, as one
    /// `require_all` over its groups.
    func instanceSatisfied(_ fmri: String, satbility: Bool, depth: Int = 0) -> Satisfaction {
        guard let vertex = vertices[fmri], depth < 64 else { return .unsatisfiable }
        var anyUnsatisfied = false
        for group in vertex.dependencies {
            let result = groupSatisfied(group, satbility: satbility, depth: depth)
            if result == .satisfied { continue }
            if !satbility { return .unsatisfied }
            if result == .unsatisfiable { return .unsatisfiable }
            anyUnsatisfied = true
        }
        return anyUnsatisfied ? .unsatisfied : .satisfied
    }

    func groupSatisfied(_ group: DependencyGroup, satbility: Bool, depth: Int) -> Satisfaction {
        switch group.grouping {
        case .requireAll: requireAll(group.targets, satbility: satbility, depth: depth)
        case .requireAny: requireAny(group.targets, satbility: satbility, depth: depth)
        case .optionalAll: optionalAll(group.targets, satbility: satbility, depth: depth)
        case .excludeAll: excludeAll(group.targets)
        }
    }

    /// `require_all_satisfied`: unsatisfied if any element is, unsatisfiable
    /// if any element is.
    func requireAll(_ targets: [String], satbility: Bool, depth: Int) -> Satisfaction {
        var anyUnsatisfied = false
        for target in targets {
            let result = dependencySatisfied(target, satbility: satbility, depth: depth)
            if result == .satisfied { continue }
            if !satbility { return .unsatisfied }
            if result == .unsatisfiable { return .unsatisfiable }
            anyUnsatisfied = true
        }
        return anyUnsatisfied ? .unsatisfied : .satisfied
    }

    /// `require_any_satisfied`: satisfied if any element is, satisfiable if
    /// any element is.
    func requireAny(_ targets: [String], satbility: Bool, depth: Int) -> Satisfaction {
        if targets.isEmpty { return .satisfied }
        var satisfiable = false
        for target in targets {
            let result = dependencySatisfied(target, satbility: satbility, depth: depth)
            if result == .satisfied { return .satisfied }
            if satbility && result == .unsatisfied { satisfiable = true }
        }
        return !satbility || satisfiable ? .unsatisfied : .unsatisfiable
    }

    /// `optional_all_satisfied`: only instances that are configured, enabled
    /// and not in maintenance count; an offline one that can never come
    /// online counts as satisfied; a disabled one that is being enabled is
    /// waited for.
    func optionalAll(_ targets: [String], satbility: Bool, depth: Int) -> Satisfaction {
        var anyUnsatisfied = false
        for target in targets {
            let result: Satisfaction
            if target.hasPrefix("file:") {
                result = dependencySatisfied(target, satbility: satbility, depth: depth)
            } else if let instances = instancesOfService[target], vertices[target] == nil {
                result = optionalAll(instances, satbility: satbility, depth: depth + 1)
            } else if let vertex = vertices[target] {
                switch vertex.state {
                case .maintenance: continue
                case .offline:
                    let inner = dependencySatisfied(target, satbility: true, depth: depth)
                    result = inner == .unsatisfiable ? .satisfied : inner
                case .disabled:
                    result = vertex.enabled ? .unsatisfied : .satisfied
                default:
                    result = dependencySatisfied(target, satbility: satbility, depth: depth)
                }
            } else {
                continue  // "Skip missing instances"
            }
            if result == .satisfied { continue }
            if !satbility { return .unsatisfied }
            if result == .unsatisfiable { return .unsatisfiable }
            anyUnsatisfied = true
        }
        return anyUnsatisfied ? .unsatisfied : .satisfied
    }

    /// `exclude_all_satisfied`: an excluded instance that is online (and
    /// enabled) makes the dependency unsatisfiable, one that is offline or
    /// uninitialized unsatisfied; disabled or in maintenance it is no bar.
    /// An excluded file that exists is unsatisfiable.
    func excludeAll(_ targets: [String]) -> Satisfaction {
        for target in targets {
            if target.hasPrefix("file:") {
                if fileExists(Self.path(of: target)) { return .unsatisfiable }
                continue
            }
            let instances = vertices[target] != nil ? [target] : instancesOfService[target] ?? []
            for instance in instances {
                guard let vertex = vertices[instance] else { continue }
                switch vertex.state {
                case .online, .degraded: return vertex.enabled ? .unsatisfiable : .unsatisfied
                case .offline, .uninitialized: return .unsatisfied
                case .disabled, .maintenance: continue
                }
            }
        }
        return .satisfied
    }

    /// `dependency_satisfied` for one element of a group.
    func dependencySatisfied(_ target: String, satbility: Bool, depth: Int) -> Satisfaction {
        if target.hasPrefix("file:") {
            // "we assume files will not be automatically generated"
            return fileExists(Self.path(of: target)) ? .satisfied : .unsatisfiable
        }
        if let vertex = vertices[target] {
            switch vertex.state {
            case .online, .degraded: return .satisfied
            case .offline:
                if !satbility { return .unsatisfied }
                return instanceSatisfied(target, satbility: true, depth: depth + 1) == .unsatisfiable
                    ? .unsatisfiable : .unsatisfied
            case .disabled, .maintenance: return .unsatisfiable
            case .uninitialized: return .unsatisfied
            }
        }
        if let instances = instancesOfService[target] {
            // A service stands for its instances, as a require_any over them.
            return requireAny(instances, satbility: satbility, depth: depth + 1)
        }
        return isOutside(target) ? .satisfied : .unsatisfiable
    }

    static func path(of fileFMRI: String) -> String {
        String(fileFMRI.dropFirst("file://".count))
    }
}
