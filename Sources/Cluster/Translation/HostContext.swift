/// What a host's deploy script (`deploy-<host>.sh`) sees: the cluster's
/// values with the host's own nodes in place of every node.
extension TemplateContext {
    /// The context of `host`'s deploy script: its own nodes and their
    /// instances, and the cluster-wide values (etcd's endpoints, how many
    /// PostgreSQL nodes the health check counts) unchanged. The first host
    /// makes the passwords and the CA, and carries to each other host only
    /// the passwords of its nodes (`ClusterPassword`); the checks that ask the cluster
    /// (etcdctl, patronictl, stolonctl) run in one of the host's zones that
    /// has the tool, so a host without one leaves them to the others; with
    /// plain replication, psql on the primary, so only the primary's host.
    func host(_ host: ClusterHost) -> [String: Any] {
        let d = definition
        var values = base
        let own = d.nodes.indices.filter { d.nodes[$0].host == host.name }
        let ownNames = Set(own.map { d.nodes[$0].name })
        values["nodes"] = own.map { nodeValues[$0] }
        // The overlays zap must know on this host: its own zones' only.
        var overlays: [String] = []
        for index in own where !overlays.contains(d.overlayID(of: d.nodes[index])) {
            overlays.append(d.overlayID(of: d.nodes[index]))
        }
        values["overlays"] = overlays.joined(separator: " ")
        var deploy: [String: Any] = base["deploy"] as? [String: Any] ?? [:]
        for (phase, entries) in Self.deployPhases(services, definition: d) {
            deploy[phase] = entries.filter { entry -> Bool in ownNames.contains(entry["node"] as? String ?? "") }
        }
        values["deploy"] = deploy
        for role in NodeRole.allCases {
            let having: [[String: Any]] = own.filter { d.runs(role, on: d.nodes[$0]) }.map { nodeValues[$0] }
            values["first_\(role.rawValue)_node"] = having.first.map { $0 as Any } ?? false
        }
        let first = d.hosts.first == host
        let hasEtcd = own.contains { d.runs(.etcd, on: d.nodes[$0]) }
        let hasPostgres = own.contains { d.runs(.postgres, on: d.nodes[$0]) }
        let firstPostgres = d.nodes(running: .postgres).first?.name
        values["makes_secrets"] = first
        // Once etcd's authentication is on, only its root adds members, and
        // root's certificate is on the first host alone: it announces every
        // host's new members, and their hosts wait until etcd lists them.
        values["announces_every_joiner"] = d.growsEtcd && d.enablesEtcdAuth && first
        values["awaits_joiners"] = d.growsEtcd && d.enablesEtcdAuth && !first
        values["own_passwords"] = Self.passwordValues(d.passwords(on: host))
        values["inits_stolon"] = firstPostgres.map { ownNames.contains($0) } ?? false
        // With an existing etcd, its health is asked from a PostgreSQL zone.
        values["checks_etcd"] = d.externalEtcd != nil ? hasPostgres : hasEtcd
        values["checks_cluster"] = d.stack.runsPostgres ? hasPostgres : hasEtcd
        // Plain replication: only the primary's zone can say whether every
        // standby streams, and only its host reaches that zone. Its database
        // step runs before the standbys' hosts start theirs (deploy-hosts.sh),
        // so it waits for them in its finish step instead.
        let primary = d.stack == .replication ? d.primaryNode : nil
        if let primary {
            let ownsPrimary = ownNames.contains(primary.name)
            values["checks_cluster"] = ownsPrimary
            values["awaits_standbys_at_finish"] = ownsPrimary
            if !ownsPrimary { values["primary_node"] = false }
        }
        values["host"] = [
            "name": host.name, "ssh": host.ssh, "first": first,
            "first_host": d.hosts.first?.name ?? "",
            "primary_host": primary?.host ?? "",
        ] as [String: Any]
        return values
    }
}

extension TemplateContext {
    /// Passwords as deploy's secrets step names them.
    static func passwordValues(_ passwords: [ClusterPassword]) -> [[String: Any]] {
        passwords.map { ["file": $0.fileName, "what": $0.description] }
    }

    /// What the first host's `export` carries to `host` from its CA
    /// directory: the CA's certificate and the keys and certificates of
    /// the host's nodes that present them (`usesNodeCertificate`; and
    /// haproxy's client pair where it runs haproxy,
    /// patroni's etcd client pair on a shared etcd where patroni runs),
    /// never the CA's key nor etcd's root's, so no other host can issue
    /// certificates or change etcd's users.
    static func carriedCertificates(to host: ClusterHost, definition d: ClusterDefinition) -> String {
        guard d.tlsEnabled else { return "" }
        let own = d.nodes(on: host)
        let proxies = d.stack == .patroni && own.contains { d.runs(.proxy, on: $0) }
        let etcdClient = d.etcdAccess?.passwordUser != nil && own.contains { d.runs(.postgres, on: $0) }
        return (["ca.crt"] + own.filter(d.usesNodeCertificate).flatMap { ["\($0.name).crt", "\($0.name).key"] }
            + (proxies ? ["haproxy.pem"] : [])
            + (etcdClient ? ["etcd-client.crt", "etcd-client.key"] : []))
            .joined(separator: " ")
    }
}
