import Diagnostics

/// `cluster.etcd.timing`: etcd refuses to start when its election timeout is
/// under 5 heartbeats or over 50 s (etcdmain/config.go), so such a
/// definition would generate members that never come up. An error.
struct EtcdTimingCheck: DefinitionCheck {
    let rule = "cluster.etcd.timing"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let settings = loaded.definition.settings
        guard case .int(let heartbeat) = settings["etcd.heartbeat_interval"],
              case .int(let election) = settings["etcd.election_timeout"], heartbeat >= 1, election >= 1
        else { return [] }
        let map = loaded.sourceMap
        let blamed = map.values["etcd.election_timeout"] != nil || map.values["etcd.heartbeat_interval"] == nil
            ? "etcd.election_timeout" : "etcd.heartbeat_interval"
        if election < 5 * heartbeat {
            return [error("election_timeout (\(election) ms) is under 5 × heartbeat_interval (\(heartbeat) ms); "
                + "etcd refuses to start", at: map.location(of: blamed))]
        }
        if election > 50_000 {
            return [error("election_timeout (\(election) ms) exceeds etcd's limit of 50000 ms", at: map.location(of: blamed))]
        }
        return []
    }
}
