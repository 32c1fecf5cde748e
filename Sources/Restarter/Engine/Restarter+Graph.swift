import Foundation

/// The graph engine's side: states, stops, starts and their propagation
/// to dependents (graph.c, restarter.c).
extension Restarter {
    /// The graph as dependency evaluation sees it. Instances on their way
    /// to disabled — waiting for their dependents to stop, or running their
    /// own stop method — count as disabled already: `GV_TODISABLE` makes
    /// them unsatisfiable (graph.c `dependency_satisfied`: "Any vertex with
    /// the GV_TODISABLE flag set is guaranteed to have its dependencies
    /// unsatisfiable"), and it stays set until the instance is disabled, so
    /// a dependent taken offline first is not started again meanwhile.
    func snapshot() -> GraphSnapshot {
        var vertices: [String: GraphSnapshot.Vertex] = [:]
        var instancesOfService: [String: [String]] = [:]
        for fmri in order {
            guard let instance = instances[fmri] else { continue }
            let toDisable = instance.disablePending || (!instance.enabled && instance.nextState == .disabled)
            let state: InstanceState = toDisable ? .disabled : instance.state
            vertices[fmri] = .init(
                state: state, enabled: instance.enabled && !toDisable,
                dependencies: instance.definition.dependencies)
            instancesOfService["svc:/" + instance.definition.serviceName, default: []].append(fmri)
        }
        return GraphSnapshot(vertices: vertices, instancesOfService: instancesOfService, isOutside: { _ in true })
    }

    /// `restarter_instance_update_states` and the graph's reaction
    /// (transition.c): leaving a running state propagates a stop to the
    /// dependents, entering one propagates a start.
    func setState(_ instance: InstanceRuntime, _ state: InstanceState, error: RestarterError, reason: StateReason) {
        let old = instance.state
        instance.state = state
        instance.nextState = nil
        instance.since = Date()
        instance.reason = reason
        framework.write("\(instance.definition.fmri): \(old.rawValue) -> \(state.rawValue) (\(reason.rawValue))")
        if old.isRunning, !state.isRunning {
            propagateStop(from: instance.definition.fmri, error: error)
        } else if !old.isRunning, state.isRunning {
            propagateStart(from: instance.definition.fmri)
        }
    }

    /// `stop_instance` (restarter.c).
    func stopInstance(_ instance: InstanceRuntime, _ cause: StopCause) {
        guard instance.state != .maintenance, instance.state != .disabled, instance.state.isRunning,
              !instance.inTransition
        else { return }
        instance.log.write("Stopping because \(cause.words).")
        if instance.definition.duration == .child, [.exit, .configurationError, .errorExit].contains(cause) {
            // "No need to stop instance, as child has exited"
            if cause == .errorExit {
                instance.faultCount += 1
                if rateIsCritical(instance) {
                    instance.log.write("Failing too quickly, throttling.")
                    instance.notBefore = Self.now() + Self.waitThrottle * configuration.timeScale
                }
            } else {
                instance.faultCount = 0
                instance.startIndex = 0
            }
            if let contract = instance.contract { ProcessGroups.signal(contract, SIGKILL) }
            instance.contract = nil
            instance.childProcess = nil
            setState(instance, .offline, error: cause.error, reason: cause.reason)
            guard cause == .configurationError else { return }
            // RSTOP_ERR_CFG goes on to maintenance.
            instance.lastFailure = "Service exited with $SMF_EXIT_ERR_CONFIG."
            return enterMaintenance(instance, .methodFailed)
        }
        instance.nextState = cause == .configurationError ? .maintenance : (instance.enabled ? .offline : .disabled)
        runMethod(.stop, of: instance, error: cause.error, reason: cause.reason)
    }

    /// `start_instance` (restarter.c).
    func startInstance(_ instance: InstanceRuntime, reason: StateReason) {
        guard instance.enabled, instance.state == .offline, !instance.inTransition else { return }
        let newReason: StateReason = reason == .restartRequest || reason == .clearRequest ? reason : .dependenciesSatisfied
        instance.nextState = .online
        runMethod(.start, of: instance, error: .none, reason: newReason)
    }

    /// The instances with a dependency group naming `fmri` (or its service),
    /// and those groups.
    func dependents(of fmri: String) -> [(InstanceRuntime, DependencyGroup)] {
        guard let service = instances[fmri].map({ "svc:/" + $0.definition.serviceName }) else { return [] }
        var result: [(InstanceRuntime, DependencyGroup)] = []
        for other in order where other != fmri {
            guard let dependent = instances[other] else { continue }
            for group in dependent.definition.dependencies
            where group.targets.contains(fmri) || group.targets.contains(service) {
                result.append((dependent, group))
            }
        }
        return result
    }

    /// `propagate_stop` (graph.c): a running dependent is stopped when the
    /// error is no greater than its group's `restart_on` (`err > gv_restart`
    /// stops the walk); an `exclude_all` dependent may now start instead.
    func propagateStop(from fmri: String, error: RestarterError) {
        guard error != .none else { return }
        for (dependent, group) in dependents(of: fmri) where group.grouping != .excludeAll {
            guard error <= group.restartOn, dependent.state.isRunning, !dependent.inTransition else { continue }
            if error == .restart || error == .refresh {
                // RESTARTER_EVENT_TYPE_STOP_RESET: the start-rate history restarts too.
                dependent.startIndex = 0
            }
            stopInstance(dependent, .dependency)
        }
    }

    /// `propagate_start` (graph.c): offline dependents are started by the
    /// graph when satisfied; running ones are stopped if they exclude this
    /// instance, or restarted if their group's `restart_on` is `restart` or
    /// `refresh`.
    func propagateStart(from fmri: String) {
        for (dependent, group) in dependents(of: fmri) {
            guard dependent.state.isRunning, !dependent.inTransition else { continue }
            if group.grouping == .excludeAll || group.restartOn == .restart || group.restartOn == .refresh {
                stopInstance(dependent, .dependency)
            }
        }
    }

    /// What the graph does on each tick: instances leave `uninitialized`
    /// per their configuration, pending disables proceed once dependents
    /// are down, and offline instances whose dependencies are satisfied start.
    func runGraph(_ now: Double) {
        for fmri in order {
            guard let instance = instances[fmri], !instance.inTransition else { continue }
            if instance.state == .uninitialized {
                if let cycle = cycles[fmri] {
                    instance.log.write("Dependency cycle: \(cycle.joined(separator: " -> ")).")
                    instance.lastFailure = "Dependency cycle: \(cycle.joined(separator: " -> "))."
                    setState(instance, .maintenance, error: .fault, reason: .dependencyCycle)
                } else if instance.enabled {
                    instance.log.write("Enabled.")
                    setState(instance, .offline, error: .none,
                             reason: instance.reason == .clearRequest ? .clearRequest : .perConfiguration)
                } else {
                    instance.log.write("Disabled.")
                    setState(instance, .disabled, error: .none, reason: .perConfiguration)
                }
                continue
            }
            if instance.disablePending {
                proceedWithDisable(instance)
                continue
            }
            guard instance.state == .offline, instance.enabled, now >= instance.notBefore else { continue }
            let graph = snapshot()
            if graph.instanceSatisfied(fmri, satbility: false) == .satisfied {
                reportOutsideDependencies(instance, graph)
                startInstance(instance, reason: instance.reason)
            }
        }
    }

    /// `graph_enable_by_vertex` for an administrative disable: dependents
    /// that would be left unsatisfiable are taken offline first, then the
    /// instance is disabled.
    func proceedWithDisable(_ instance: InstanceRuntime) {
        let fmri = instance.definition.fmri
        let graph = snapshot()
        var waiting = false
        for (dependent, _) in dependents(of: fmri) where dependent.state.isRunning || dependent.inTransition {
            guard graph.instanceSatisfied(dependent.definition.fmri, satbility: true) == .unsatisfiable else { continue }
            waiting = true
            if !dependent.inTransition { stopInstance(dependent, .dependency) }
        }
        guard !waiting else { return }
        // ADMIN_DISABLE: "if (enable_inst(h, inst, event) == 0) reset_start_times(inst);"
        instance.startIndex = 0
        switch instance.state {
        case .online, .degraded:
            instance.disablePending = false
            stopInstance(instance, .disable)
        case .offline, .uninitialized:
            instance.disablePending = false
            instance.log.write("Disabled.")
            setState(instance, .disabled, error: .restart, reason: .disableRequest)
        case .maintenance:
            instance.disablePending = false
            instance.log.write("Leaving maintenance because disable requested.")
            instance.log.write("Disabled.")
            setState(instance, .disabled, error: .restart, reason: .disableRequest)
        case .disabled:
            instance.disablePending = false
        }
    }

    /// Dependencies on entities outside the given manifests are not
    /// emulated: they are taken as online, and the log says so once.
    func reportOutsideDependencies(_ instance: InstanceRuntime, _ graph: GraphSnapshot) {
        for group in instance.definition.dependencies {
            for target in group.targets where !target.hasPrefix("file:")
                && graph.vertices[target] == nil && graph.instancesOfService[target] == nil
                && !instance.reportedOutside.contains(target)
            {
                instance.reportedOutside.insert(target)
                let verb = group.grouping == .excludeAll ? "taken as not running" : "taken as online"
                instance.log.write("Dependency \(target) (\(group.grouping.rawValue) '\(group.name)') is not in the given manifests; \(verb).")
            }
        }
    }
}
