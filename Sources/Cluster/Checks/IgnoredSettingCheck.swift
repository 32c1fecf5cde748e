import Diagnostics

/// `cluster.stack.ignored`: a section or key that only the other stack
/// reads passes no value anywhere — a `haproxy:` section under stolon does
/// not make clients connect on `haproxy.port` (stolon-proxy listens on
/// `stolon.proxy_port`). Written anyway, it is a warning (an error with
/// `check --strict`), so a switch of stack does not silently drop settings.
struct IgnoredSettingCheck: DefinitionCheck {
    let rule = "cluster.stack.ignored"

    /// Sections and keys one stack alone reads, and a word on what the
    /// other PostgreSQL-running stack uses instead.
    static let stackOnly: [(path: String, stack: Stack, instead: String)] = [
        ("patroni", .patroni, "stolon manages PostgreSQL with its keeper and sentinel"),
        ("haproxy", .patroni, "stolon's clients connect to stolon-proxy at stolon.proxy_port"),
        ("stolon", .stolon, "patroni manages PostgreSQL, and haproxy routes clients"),
        ("postgres.rewind_user", .patroni, "stolon does not use a rewind user"),
        ("secrets.rewind_password", .patroni, "stolon does not use a rewind user"),
        ("secrets.etcd_password", .patroni, "stolon's daemons are known to etcd by their certificates"),
        ("paths.patroni", .patroni, "stolon runs no patroni"),
        ("paths.patronictl", .patroni, "stolon runs no patroni"),
        ("paths.haproxy", .patroni, "stolon runs no haproxy"),
        ("users.haproxy", .patroni, "stolon runs no haproxy"),
        ("paths.stolon_bin", .stolon, "patroni runs no stolon"),
        ("replication", .replication, "patroni and stolon choose the primary themselves"),
    ]

    /// Sections and keys no daemon of `stack: replication` reads: it runs
    /// PostgreSQL alone, without etcd, an HA manager or a proxy.
    static let notReplication = [
        "etcd", "patroni", "stolon", "haproxy", "postgres.rewind_user", "secrets.rewind_password",
        "secrets.rest_password", "secrets.stats_password", "secrets.etcd_password", "users.etcd", "users.haproxy", "paths.etcd",
        "paths.etcdctl", "paths.patroni", "paths.patronictl", "paths.haproxy", "paths.stolon_bin",
    ]

    /// Sections and keys only the stacks that run PostgreSQL read: with
    /// `stack: etcd` no daemon reads them.
    static let postgresOnly = [
        "postgres", "patroni", "stolon", "haproxy", "secrets", "users.postgres", "users.haproxy",
        "paths.postgres_bin", "paths.postgres_data", "paths.patroni", "paths.patronictl", "paths.haproxy",
        "paths.stolon_bin", "storage", "replication",
    ]

    /// What only a cluster's own etcd reads: with an existing etcd
    /// (`etcd.endpoints`, `etcd.definition`) nothing here runs etcd.
    static let ownEtcdOnly = [
        "etcd.token", "etcd.client_port", "etcd.peer_port", "etcd.heartbeat_interval", "etcd.election_timeout",
        "users.etcd", "paths.etcd",
    ]

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let stack = loaded.definition.stack
        var found: [Diagnostic] = []
        if loaded.definition.externalEtcd != nil {
            for path in Self.ownEtcdOnly {
                guard let location = loaded.sourceMap.keys[path] else { continue }
                found.append(warning("'\(path)' is read only by a cluster's own etcd, and this cluster uses an existing "
                                     + "one (etcd.\(loaded.definition.etcd.definition == nil ? "endpoints" : "definition")); "
                                     + "remove it", at: location))
            }
        }
        if let location = loaded.sourceMap.keys["etcd.ca_dir"],
           loaded.definition.etcd.definition != nil || loaded.definition.externalEtcd == nil {
            found.append(warning("'etcd.ca_dir' is read only with etcd.endpoints (an etcd.definition names its own CA); "
                                 + "remove it", at: location))
        }
        if !stack.runsPostgres {
            for path in Self.postgresOnly {
                guard let location = loaded.sourceMap.keys[path] else { continue }
                found.append(warning("'\(path)' is read only by the stacks that run PostgreSQL, and this cluster's stack "
                                     + "is \(stack.rawValue), which runs the etcd members alone; remove it", at: location))
            }
            return found + keeperIDs(loaded, stack: stack)
        }
        if stack == .replication {
            for path in Self.notReplication {
                guard let location = loaded.sourceMap.keys[path] else { continue }
                found.append(warning("'\(path)' is not read with stack: replication, which runs PostgreSQL alone "
                                     + "(no etcd, HA manager or proxy; replication.primary names the primary); "
                                     + "remove it", at: location))
            }
            return found + keeperIDs(loaded, stack: stack)
        }
        for entry in Self.stackOnly where entry.stack != stack {
            guard let location = loaded.sourceMap.keys[entry.path] else { continue }
            var message = "'\(entry.path)' is read only with stack: \(entry.stack.rawValue), and this cluster's stack is "
                + "\(stack.rawValue): \(entry.instead); remove it"
            if entry.path == "haproxy", loaded.sourceMap.values["haproxy.port"] != nil {
                message += " (move haproxy.port \(loaded.definition.haproxy.port) to stolon.proxy_port, which is "
                    + "\(loaded.definition.stolon.proxyPort))"
            }
            found.append(warning(message, at: location))
        }
        return found + keeperIDs(loaded, stack: stack)
    }

    /// A keeper id on a node of a stack without stolon keepers.
    private func keeperIDs(_ loaded: LoadedDefinition, stack: Stack) -> [Diagnostic] {
        guard stack != .stolon else { return [] }
        let instead = switch stack {
        case .patroni: "patroni names members after their nodes"
        case .replication: "each PostgreSQL is named after its node (cluster_name)"
        default: "etcd names members after their nodes"
        }
        return loaded.definition.nodes.indices.compactMap { index in
            loaded.sourceMap.keys["nodes[\(index)].keeper_id"].map { location in
                warning("'nodes[\(index)].keeper_id' is read only with stack: stolon, and this cluster's "
                        + "stack is \(stack.rawValue): \(instead); remove it", at: location)
            }
        }
    }
}
