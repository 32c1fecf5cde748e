@testable import Restarter
import Testing

/// graph.c's evaluation functions on a graph held in memory.
@Suite struct DependencyEvaluationTests {
    func graph(_ states: [String: InstanceState], disabledButEnabled: Set<String> = []) -> GraphSnapshot {
        var vertices: [String: GraphSnapshot.Vertex] = [:]
        for (fmri, state) in states {
            vertices[fmri] = .init(state: state, enabled: state != .disabled || disabledButEnabled.contains(fmri), dependencies: [])
        }
        return GraphSnapshot(vertices: vertices, instancesOfService: [:], isOutside: { _ in true }, fileExists: { _ in false })
    }

    @Test func requireAnyIsSatisfiedByOneAndUnsatisfiableOnlyWhenAllAre() {
        let g = graph(["svc:/a:x": .online, "svc:/b:x": .disabled, "svc:/c:x": .offline])
        #expect(g.requireAny(["svc:/b:x", "svc:/a:x"], satbility: true, depth: 0) == .satisfied)
        #expect(g.requireAny(["svc:/b:x", "svc:/c:x"], satbility: true, depth: 0) == .unsatisfied)
        #expect(g.requireAny(["svc:/b:x"], satbility: true, depth: 0) == .unsatisfiable)
    }

    @Test func optionalAllSkipsMaintenanceAndDisabledAndWaitsForOffline() {
        let g = graph(["svc:/m:x": .maintenance, "svc:/d:x": .disabled, "svc:/o:x": .offline, "svc:/e:x": .disabled],
                      disabledButEnabled: ["svc:/e:x"])
        #expect(g.optionalAll(["svc:/m:x", "svc:/d:x"], satbility: true, depth: 0) == .satisfied)
        // An offline instance with no unsatisfiable dependency may still come up.
        #expect(g.optionalAll(["svc:/o:x"], satbility: true, depth: 0) == .unsatisfied)
        // A disabled instance being enabled is waited for.
        #expect(g.optionalAll(["svc:/e:x"], satbility: true, depth: 0) == .unsatisfied)
    }

    @Test func requireAllOnDisabledOrMaintenanceIsUnsatisfiable() {
        let g = graph(["svc:/a:x": .online, "svc:/d:x": .disabled, "svc:/u:x": .uninitialized])
        #expect(g.requireAll(["svc:/a:x"], satbility: true, depth: 0) == .satisfied)
        #expect(g.requireAll(["svc:/a:x", "svc:/u:x"], satbility: true, depth: 0) == .unsatisfied)
        #expect(g.requireAll(["svc:/a:x", "svc:/d:x"], satbility: true, depth: 0) == .unsatisfiable)
    }

    @Test func excludeAllOnAnEnabledRunningInstanceIsUnsatisfiable() {
        let g = graph(["svc:/a:x": .online, "svc:/o:x": .offline, "svc:/d:x": .disabled])
        #expect(g.excludeAll(["svc:/a:x"]) == .unsatisfiable)
        #expect(g.excludeAll(["svc:/o:x"]) == .unsatisfied)
        #expect(g.excludeAll(["svc:/d:x"]) == .satisfied)
    }
}
