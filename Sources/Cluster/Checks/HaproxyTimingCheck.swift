import Diagnostics

/// `cluster.haproxy.timing`: haproxy's own constraints on the keys
/// haproxy.cfg reads, and one against patroni's timing.
///
/// - `on_marked_down` is `shutdown-sessions` or `keep-sessions` (an error:
///   nothing else renders).
/// - `fall × check_interval` under `ttl − loop_wait` (a warning): after
///   SIGKILL of patroni alone its postgres still accepts writes; haproxy must
///   mark it down before patroni can promote another member (ttl − loop_wait
///   at the earliest), or both are UP and writes split between two primaries.
struct HaproxyTimingCheck: DefinitionCheck {
    let rule = "cluster.haproxy.timing"
    static let sessionChoices = ["shutdown-sessions", "keep-sessions"]

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        let map = loaded.sourceMap
        var found: [Diagnostic] = []
        if case .string(let choice) = definition.settings["haproxy.on_marked_down"], !Self.sessionChoices.contains(choice) {
            found.append(error("on_marked_down is \"\(choice)\"; use shutdown-sessions or keep-sessions",
                               at: map.location(of: "haproxy.on_marked_down")))
        }
        guard definition.stack == .patroni,
              case .int(let interval) = definition.settings["haproxy.check_interval"],
              case .int(let fall) = definition.settings["haproxy.fall"], interval >= 1, fall >= 1
        else { return found }
        let patroni = definition.patroni
        let promotion = patroni.ttl - patroni.loopWait
        if fall * interval >= promotion {
            let written = ["haproxy.check_interval", "haproxy.fall"].filter { map.values[$0] != nil }
            found.append(warning(
                "haproxy marks a dead primary down after fall (\(fall)) × check_interval (\(interval) s), not before "
                    + "patroni can promote another member (ttl − loop_wait = \(promotion) s): two primaries could be UP",
                at: map.location(of: written.last ?? "haproxy.fall")))
        }
        return found
    }
}
