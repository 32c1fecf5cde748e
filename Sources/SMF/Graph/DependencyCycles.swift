import Diagnostics

extension DependencyGraph {
    /// A set of instances each of which waits, through dependencies, for
    /// itself; `members` is one such path, starting at its smallest FMRI.
    public struct Cycle: Hashable, Sendable {
        public var members: [String]
        /// Where the first arc of the path is written.
        public var location: SourceLocation?
    }

    /// The dependency cycles svc.startd would refuse. `graph_insert_dependency`
    /// (graph.c) refuses a dependency when the target already reaches the
    /// dependent (`is_path_to`), walking every group except `exclude_all`
    /// ("exclusion dependencies … are allowed to create cycles"); a service
    /// vertex leads to each of its instances. One cycle is reported per
    /// strongly connected set of instances.
    public func cycles() -> [Cycle] {
        // Instance-to-instance successors, with the arc that leads there.
        var successors: [String: [(to: String, arc: Arc)]] = [:]
        for arc in arcs where arc.grouping != "exclude_all" && arc.origin != .restarter {
            let targets = instancesOfService[arc.to] ?? [arc.to]
            for target in targets where self.instances.contains(target) {
                successors[arc.from, default: []].append((target, arc))
            }
        }
        let instanceOrder = vertices.map(\.fmri).filter { self.instances.contains($0) }
        return StronglyConnected.components(of: instanceOrder) { successors[$0, default: []].map(\.to) }
            .compactMap { component -> Cycle? in
                let members = Set(component)
                guard let start = component.min() else { return nil }
                let selfLoop = successors[start, default: []].contains { $0.to == start }
                guard component.count > 1 || selfLoop else { return nil }
                let path = Self.path(from: start, within: members, successors: successors)
                let first = successors[start, default: []].first { $0.to == (path.count > 1 ? path[1] : start) }
                return Cycle(members: path, location: first?.arc.location)
            }
            .sorted { $0.members.lexicographicallyPrecedes($1.members) }
    }

    /// A path from `start` back to it inside one strongly connected set
    /// (breadth first, so the shortest, and deterministic: successors sorted).
    static func path(from start: String, within members: Set<String>,
                     successors: [String: [(to: String, arc: Arc)]]) -> [String] {
        var previous: [String: String] = [:]
        var queue = [start]
        var index = 0
        while index < queue.count {
            let current = queue[index]
            index += 1
            for next in Set(successors[current, default: []].map(\.to)).sorted() where members.contains(next) {
                if next == start {
                    var path = [current]
                    while let before = previous[path[0]] { path.insert(before, at: 0) }
                    return path
                }
                if previous[next] == nil && next != start {
                    previous[next] = current
                    queue.append(next)
                }
            }
        }
        return [start]
    }
}

/// Tarjan's strongly connected components, iteratively (a long chain of
/// dependencies must not exhaust the stack).
enum StronglyConnected {
    static func components(of nodes: [String], successors: (String) -> [String]) -> [[String]] {
        var index = 0
        var indices: [String: Int] = [:]
        var lowLinks: [String: Int] = [:]
        var onStack = Set<String>()
        var stack: [String] = []
        var result: [[String]] = []

        for root in nodes where indices[root] == nil {
            // Each frame: a node and the successors still to visit.
            var frames: [(node: String, pending: [String])] = []
            func open(_ node: String) {
                indices[node] = index
                lowLinks[node] = index
                index += 1
                stack.append(node)
                onStack.insert(node)
                frames.append((node, successors(node).reversed()))
            }
            open(root)
            while let frame = frames.last {
                if let next = frames[frames.count - 1].pending.popLast() {
                    if indices[next] == nil {
                        open(next)
                    } else if onStack.contains(next) {
                        lowLinks[frame.node] = min(lowLinks[frame.node, default: 0], indices[next, default: 0])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLinks[parent.node] = min(lowLinks[parent.node, default: 0], lowLinks[frame.node, default: 0])
                }
                if lowLinks[frame.node] == indices[frame.node] {
                    var component: [String] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component.append(member)
                        if member == frame.node { break }
                    }
                    result.append(component)
                }
            }
        }
        return result
    }
}

extension DependencyGraph {
    /// The rule id of a dependency cycle, as `smfkit graph` reports it.
    public static let cycleRule = "smf.graph.cycle"

    /// One error per cycle, at its first dependency, naming every member.
    public func cycleDiagnostics() -> [Diagnostic] {
        cycles().map { cycle in
            let path = (cycle.members + [cycle.members[0]]).joined(separator: " -> ")
            return .error(
                "dependency cycle: \(path); svc.startd refuses a dependency that closes a cycle "
                    + "(graph.c graph_insert_dependency), so these instances would never start: "
                    + "remove one of the dependencies or make it exclude_all",
                rule: Self.cycleRule, at: cycle.location ?? SourceLocation(file: "<dependencies>"))
        }
    }
}
