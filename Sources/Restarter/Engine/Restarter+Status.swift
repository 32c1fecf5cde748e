import Foundation

/// What `svcs -l` and `svcs -x` show of an instance.
extension Restarter {
    func status(_ instance: InstanceRuntime) -> InstanceStatus {
        let graph = snapshot()
        let contract = instance.contract
        return InstanceStatus(
            fmri: instance.definition.fmri, state: instance.state, nextState: instance.nextState,
            since: instance.since.timeIntervalSince1970, reason: instance.reason.rawValue, enabled: instance.enabled,
            contract: contract, processes: contract.map(ProcessGroups.members(of:)) ?? [],
            logPath: instance.log.path, duration: instance.definition.duration,
            explanation: explanation(instance, graph),
            impacted: dependents(of: instance.definition.fmri).map(\.0).filter { !$0.state.isRunning }
                .map(\.definition.fmri),
            dependencies: instance.definition.dependencies.flatMap { group in
                group.targets.map { target in
                    let state = graph.vertices[target]?.state.rawValue
                        ?? (target.hasPrefix("file:")
                            ? (graph.fileExists(GraphSnapshot.path(of: target)) ? "present" : "absent")
                            : graph.instancesOfService[target] != nil ? "service" : "not in the given manifests")
                    return "\(group.grouping.rawValue)/\(restartOnName(group.restartOn)) \(target) (\(state))"
                }
            })
    }

    func restartOnName(_ error: RestarterError) -> String {
        switch error {
        case .none: "none"
        case .fault: "error"
        case .restart: "restart"
        case .refresh: "refresh"
        }
    }

    /// The "Reason:" of `svcs -x`: why an instance is not running.
    func explanation(_ instance: InstanceRuntime, _ graph: GraphSnapshot) -> String? {
        switch instance.state {
        case .online:
            return nil
        case .degraded:
            return "The service is running with reduced function."
        case .maintenance:
            if let failure = instance.lastFailure { return failure }
            return instance.reason.explanation.prefix(1).uppercased() + instance.reason.explanation.dropFirst() + "."
        case .disabled:
            return instance.reason == .disableRequest ? "Disabled by an administrator." : "Service is disabled."
        case .uninitialized:
            return "The restarter has not yet initialized the service."
        case .offline:
            if instance.inTransition { return "Start method is running." }
            if !instance.enabled { return "Service is being disabled." }
            for group in instance.definition.dependencies {
                let result = graph.groupSatisfied(group, satbility: false, depth: 0)
                guard result != .satisfied else { continue }
                for target in group.targets {
                    if group.grouping == .excludeAll {
                        if graph.excludeAll([target]) != .satisfied {
                            return "Service \(target) is running, and dependency '\(group.name)' (exclude_all) excludes it."
                        }
                        continue
                    }
                    guard graph.dependencySatisfied(target, satbility: false, depth: 0) != .satisfied else { continue }
                    if target.hasPrefix("file:") { return "Dependency \(target) is absent." }
                    // A service stands for its instances: name the first that is not running.
                    let named = graph.vertices[target] != nil ? target
                        : graph.instancesOfService[target]?.first { graph.vertices[$0]?.state.isRunning == false } ?? target
                    let state = graph.vertices[named]?.state.rawValue ?? "not running"
                    return "Dependency \(named) (\(group.grouping.rawValue) '\(group.name)') is \(state)."
                }
            }
            return instance.notBefore > Self.now() ? "Failing too quickly; start throttled." : "Waiting to start."
        }
    }
}
