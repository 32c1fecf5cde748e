import Foundation
import SMF

/// `svcadm` and `svcs` on the control socket. Administrative requests are
/// what svc.startd does on `restarter_actions` and `general/enabled` changes.
extension Restarter {
    public func handle(_ request: ControlRequest) -> ControlResponse {
        queue.sync { handleOnQueue(request) }
    }

    func handleOnQueue(_ request: ControlRequest) -> ControlResponse {
        if request.command == "status" && request.fmri == nil {
            return ControlResponse(ok: true, instances: order.compactMap { instances[$0] }.map(status))
        }
        guard let pattern = request.fmri else {
            return ControlResponse(ok: false, message: "\(request.command) needs an FMRI; name an instance")
        }
        let matches = match(pattern)
        guard !matches.isEmpty else {
            return ControlResponse(ok: false, message: "Pattern '\(pattern)' doesn't match any instances")
        }
        guard matches.count == 1, let instance = instances[matches[0]] else {
            return ControlResponse(
                ok: false,
                message: "Pattern '\(pattern)' matches \(matches.count) instances (\(matches.joined(separator: ", "))); name one")
        }
        switch request.command {
        case "status": return ControlResponse(ok: true, instances: [status(instance)])
        case "properties": return ControlResponse(ok: true, properties: properties(instance))
        case "enable": enable(instance)
        case "disable": disable(instance)
        case "restart": restart(instance)
        case "clear": clear(instance)
        case "refresh":
            if let problem = refresh(instance) { return ControlResponse(ok: false, message: problem) }
        default:
            return ControlResponse(ok: false, message: "unknown command '\(request.command)'")
        }
        return ControlResponse(ok: true, instances: [status(instance)])
    }

    /// An FMRI as svcadm accepts it: whole, or any tail that starts at a
    /// `/` or at the instance (`etcd:node1`, `network/etcd:node1`).
    func match(_ pattern: String) -> [String] {
        if instances[pattern] != nil { return [pattern] }
        let bare = pattern.hasPrefix("svc:/") ? String(pattern.dropFirst(5)) : pattern
        return order.filter { fmri in
            guard let instance = instances[fmri] else { return false }
            // The instance, or its service (which names all its instances).
            return [String(fmri.dropFirst(5)), instance.definition.serviceName].contains { name in
                name == bare || name.hasSuffix("/" + bare)
            }
        }
    }

    /// `enable_inst` with `RESTARTER_EVENT_TYPE_ENABLE`.
    func enable(_ instance: InstanceRuntime) {
        instance.enabled = true
        instance.disablePending = false
        if instance.state == .disabled {
            instance.log.write("Enabled.")
            setState(instance, .offline, error: .none, reason: .enableRequest)
        }
    }

    /// An administrative disable (`graph_enable_by_vertex` with admin set).
    func disable(_ instance: InstanceRuntime) {
        instance.enabled = false
        if instance.state != .disabled { instance.disablePending = true }
    }

    /// `svcadm restart`: `stop_instance(RSTOP_RESTART)`; the graph starts
    /// the instance again. Nothing happens to an instance that is not running.
    func restart(_ instance: InstanceRuntime) {
        guard instance.state.isRunning, !instance.inTransition else {
            instance.log.write("Restart requested, but the instance is \(instance.state.rawValue); nothing to restart.")
            return
        }
        stopInstance(instance, .restart)
        // restarter_process_events, ADMIN_RESTART: "if (stop_instance(h, inst,
        // RSTOP_RESTART) == 0) reset_start_times(inst);"
        instance.startIndex = 0
        if instance.nextState == .offline { instance.reason = .restartRequest }
    }

    /// `unmaintain_instance(RUNMAINT_CLEAR)`: maintenance → uninitialized,
    /// from where the graph takes it where its configuration says.
    func clear(_ instance: InstanceRuntime) {
        guard instance.state == .maintenance else {
            instance.log.write("Clear requested, but the instance is \(instance.state.rawValue), not in maintenance.")
            return
        }
        instance.log.write("Leaving maintenance because clear requested.")
        instance.startIndex = 0
        instance.faultCount = 0
        instance.lastFailure = nil
        cycles[instance.definition.fmri] = nil
        setState(instance, .uninitialized, error: .restart, reason: .clearRequest)
    }

    /// `svcadm refresh`: the manifests are read again (the running snapshot
    /// is retaken, as `svccfg import` + refresh would), then
    /// `refresh_instance` runs the refresh method of a running instance and
    /// the graph propagates the refresh to dependents whose `restart_on` is
    /// `refresh`. Returns a problem if the files no longer load.
    func refresh(_ instance: InstanceRuntime) -> String? {
        let input: RunInput
        switch RunInput.load(configuration) {
        case .success(let loaded): input = loaded
        case .failure(.unreadable(let diagnostics)), .failure(.invalid(let diagnostics)):
            let text = diagnostics.map(\.description)
                .joined(separator: "; ")
            return "refresh of \(instance.definition.fmri) refused, the manifests no longer load: \(text); fix them and refresh again"
        }
        guard let definition = input.definitions.first(where: { $0.fmri == instance.definition.fmri }) else {
            return "refresh of \(instance.definition.fmri) refused: the manifests no longer define it; restore it or restart smfkit run"
        }
        catalog = input.catalog
        instance.definition = definition
        instance.log.write("Rereading configuration.")
        guard instance.state.isRunning, !instance.inTransition else { return nil }
        // refresh_instance marks the instance in transition to its own
        // state while the refresh method runs.
        instance.nextState = instance.state
        runMethod(.refresh, of: instance, error: .refresh, reason: .refresh)
        propagateStop(from: instance.definition.fmri, error: .refresh)
        return nil
    }

    func properties(_ instance: InstanceRuntime) -> [PropertyLine] {
        withRestarterGroup(instance).composed.flatMap { group in
            group.properties.map { property in
                PropertyLine(name: "\(group.name)/\(property.name)", type: property.type ?? "astring",
                             values: property.textValues)
            }
        }
    }
}
