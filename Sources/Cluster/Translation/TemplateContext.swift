/// The values templates see: the definition under its YAML key names, plus a
/// few derived ones every daemon needs in the same form (URLs with IPv6
/// brackets, the etcd member list). Built once per generation; `node(_:)`
/// adds the node being rendered.
struct TemplateContext {
    let definition: ClusterDefinition
    let base: [String: Any]
    /// Each node's values, made once: a node's certificate names list every
    /// haproxy address, so remaking them per use is quadratic in the nodes.
    let nodeValues: [[String: Any]]

    /// `services` are the stack's templates in start order; deploy.sh
    /// enables their instances phase by phase (`deploy.store`, …, and
    /// `deploy.all`), each entry a node, a service name and an FMRI.
    init(_ definition: ClusterDefinition, services: [ServiceTemplate] = []) {
        self.definition = definition
        let d = definition
        let haproxyAddresses = Self.haproxyAddresses(d)
        let nodes = d.nodes.enumerated().map { index, node in
            Self.nodeValues(node, index: index, definition: d, haproxyAddresses: haproxyAddresses,
                            fmris: services.map { $0.instanceFMRI(on: node.name) },
                            postgresAccount: services.contains { $0.user == .postgres && d.runs($0.role, on: node) })
        }
        var values: [String: Any] = [:]
        // Every key under its YAML path: a new key reaches templates without a line here.
        for key in DefinitionKeys.all {
            switch key.slot {
            case .nodes:
                values["nodes"] = nodes
            case .hosts:
                // A host is carried to when TLS is on (its certificates) or
                // one of its nodes uses a password.
                let carried = d.hosts.dropFirst().filter { d.tlsEnabled || !d.passwords(on: $0).isEmpty }
                values["carries_to_any"] = !carried.isEmpty
                values["hosts"] = d.hosts.enumerated().map { index, host in
                    ["name": host.name, "ssh": host.ssh, "first": index == 0,
                     "holds_primary": d.stack == .replication && d.primaryNode?.host == host.name,
                     "nodes": d.nodes(on: host).map { ["name": $0.name] },
                     "passwords": d.passwords(on: host).map(\.fileName).joined(separator: " "),
                     "certificates": Self.carriedCertificates(to: host, definition: d),
                     "carries": carried.contains(host)] as [String: Any]
                }
            case .account:
                let user = d.users[key.name]
                Self.set(Dictionary(uniqueKeysWithValues: AccountKeys.all.map { ($0.name, $0.value(in: user)) }),
                         at: key.path, in: &values)
            default:
                if let value = key.value(in: d) { Self.set(value, at: key.path, in: &values) }
            }
        }
        // Derived values every daemon needs in the same form.
        for stack in Stack.allCases { values["\(stack.rawValue)_stack"] = d.stack == stack }
        values["runs_postgres"] = d.stack.runsPostgres
        values["runs_etcd"] = d.stack.runsEtcd
        // Plain replication: where the standbys clone and stream from, and
        // the names synchronous_standby_names lists (each node's
        // cluster_name, which its walreceiver reports; a node never counts
        // itself, so one list serves whichever node is primary).
        let postgresNodes = d.nodes(running: .postgres)
        Self.set(d.primaryNode?.address ?? "", at: "replication.primary_address", in: &values)
        Self.set(postgresNodes.map(\.name).joined(separator: ","), at: "replication.standby_names", in: &values)
        Self.set(max(postgresNodes.count - 1, 0), at: "replication.standby_count", in: &values)
        values["primary_node"] = zip(d.nodes, nodes).first { $0.0.name == d.replication.primary }?.1 ?? [:]
        values["etcd_grows"] = d.growsEtcd
        // Every member added to the running cluster, whichever host it is on:
        // with authentication on and hosts, the first host announces them all.
        values["etcd_joiners"] = d.nodes.filter(\.joinsEtcd)
            .map { ["name": $0.name, "url_host": Self.urlHost($0.address)] }
        values["announces_every_joiner"] = false
        values["awaits_joiners"] = false
        values["first_node"] = nodes.first ?? [:]
        values["node_count"] = d.nodes.count
        // The overlay of each set of roles (deploy.sh checks each is known to zap).
        values["overlays"] = d.overlayIDs.joined(separator: " ")
        // The nodes of each role, and the first of each, from which deploy.sh
        // runs etcdctl (an etcd member) and patronictl or stolonctl (a
        // PostgreSQL node).
        for role in NodeRole.allCases {
            let having = zip(d.nodes, nodes).filter { d.runs(role, on: $0.0) }.map(\.1)
            values["\(role.rawValue)_nodes"] = having
            values["first_\(role.rawValue)_node"] = having.first ?? [:]
            values["\(role.rawValue)_node_count"] = having.count
        }
        var deploy: [String: Any] = Self.deployPhases(services, definition: d)
        // svc.startd logs an instance to /var/svc/log/<service, / as ->:<instance>.log.
        deploy["logs"] = services.map { template in
            ["entry": "\(d.packaging.overlay)-\(template.kind)",
             "pattern": "/var/svc/log/\(template.service.replacingOccurrences(of: "/", with: "-")):*.log"]
        }
        values["deploy"] = deploy
        values["hba_networks"] = Self.hbaNetworks(d.nodes)
        // deploy.sh's storage phase: whether there is a dataset, and how it reaches the zone.
        // Storage is for PostgreSQL's data: a stack without PostgreSQL has none.
        Self.set(d.storage.dataset != nil && d.stack.runsPostgres, at: "storage.managed", in: &values)
        Self.set(d.settings["storage.attach"] == .string("delegate"), at: "storage.delegate", in: &values)
        // haproxy has no word for keeping sessions: the option is there or not.
        Self.set(d.settings["haproxy.on_marked_down"] == .string("shutdown-sessions"), at: "haproxy.shutdown_sessions",
                 in: &values)
        let scheme = d.tlsEnabled ? "https" : "http"
        Self.set(scheme, at: "tls.scheme", in: &values)
        Self.set(d.tlsCADirectory, at: "tls.ca_directory", in: &values)
        // Only members are in the etcd cluster; every other node is a client
        // of them. With an existing etcd its members are, and no node is one.
        let members = d.externalEtcd?.members.map { (name: $0.name, address: $0.address, joins: false) }
            ?? d.etcdMembers.map { (name: $0.name, address: $0.address, joins: $0.joinsEtcd) }
        let clientPort = d.externalEtcd?.clientPort ?? d.etcd.clientPort
        values["external_etcd"] = d.externalEtcd != nil
        // The CA the existing etcd trusts: the certificate script issues from a copy of it.
        let etcdCA = d.tlsEnabled ? d.externalEtcd?.caDirectory : nil
        values["etcd_ca_shared"] = etcdCA != nil
        values["etcd_ca_directory"] = etcdCA ?? ""
        // etcd authentication (EtcdAccess): the etcd stack turns it on; a
        // cluster on it makes its own role and users. Both issue the `root`
        // client certificate deploy.sh uses from this host for that.
        values["enables_etcd_auth"] = d.enablesEtcdAuth
        values["etcd_access"] = Self.etcdAccessValues(d.etcdAccess, definition: d)
        values["issues_etcd_root"] = d.enablesEtcdAuth || d.etcdAccess != nil
        Self.set(clientPort, at: "etcd.client_port", in: &values)
        Self.set(members.map { "\($0.name)=\(scheme)://\(Self.urlHost($0.address)):\(d.etcd.peerPort)" }.joined(separator: ","),
                 at: "etcd.initial_cluster", in: &values)
        Self.set(members.map { "\(scheme)://\(Self.urlHost($0.address)):\(clientPort)" }.joined(separator: ","),
                 at: "etcd.endpoints", in: &values)
        // The members of the first bootstrap: the running cluster a member
        // added later (etcd_state: existing) joins.
        Self.set(members.filter { !$0.joins }
                     .map { "\(scheme)://\(Self.urlHost($0.address)):\(clientPort)" }.joined(separator: ","),
                 at: "etcd.bootstrap_endpoints", in: &values)
        // pg_hba: with TLS only encrypted connections. Replication comes from
        // the nodes; clients from the configured network, else from the nodes too.
        values["hba_type"] = d.tlsEnabled ? "hostssl" : "host"
        let clientNetworks = d.postgres.clientNetwork.map { [$0] } ?? Self.hbaNetworks(d.nodes)
        values["client_networks"] = clientNetworks
        // For lists whose items need a separator (JSON): each item knows if it is the last.
        values["client_network_items"] = clientNetworks.enumerated().map { index, network in
            ["network": network, "last": index == clientNetworks.count - 1] as [String: Any]
        }
        Self.set(members.map { "\(Self.urlHost($0.address)):\(clientPort)" }.joined(separator: ","),
                 at: "etcd.hosts", in: &values)
        // The same without brackets, for method scripts to build URLs from
        // (svc.startd's shell would take `[fd00::1]` for a pathname pattern).
        Self.set(members.map { "\($0.name)=\($0.address)" }.joined(separator: ","), at: "etcd.members", in: &values)
        Self.set(members.map(\.address).joined(separator: ","), at: "etcd.addresses", in: &values)
        // Without hosts, deploy.sh does all of it on the one host; with
        // hosts, `host(_:)` says what each host's script does.
        values["host"] = false
        values["makes_secrets"] = true
        values["made_passwords"] = Self.passwordValues(d.madePasswords)
        values["own_passwords"] = values["made_passwords"]
        values["inits_stolon"] = true
        values["checks_etcd"] = true
        values["checks_cluster"] = true
        values["awaits_standbys_at_finish"] = false
        values["has_hosts"] = d.hasHosts
        base = values
        nodeValues = nodes
        self.services = services
    }

    /// The stack's templates in start order, for the deploy phases of each host's script.
    let services: [ServiceTemplate]

    /// Per deploy phase, every node's instances of that phase's services,
    /// node by node; `all` holds every instance, phase by phase.
    /// `joins`: the node's etcd member is added to the running cluster
    /// (etcd_state: existing), so its store instances start after the others.
    static func deployPhases(_ services: [ServiceTemplate], definition d: ClusterDefinition)
        -> [String: [[String: Any]]]
    {
        var phases: [String: [[String: Any]]] = ["all": []]
        for phase in DeployPhase.allCases {
            let entries = d.nodes.flatMap { node in
                services.filter { $0.deployPhase == phase && d.runs($0.role, on: node) }.map { template -> [String: Any] in
                    ["node": node.name, "service": template.service, "fmri": template.instanceFMRI(on: node.name),
                     "joins": node.joinsEtcd,
                     // Plain replication: the primary's instance starts before the standbys'.
                     "primary": d.stack == .replication && node.name == d.replication.primary]
                }
            }
            phases[phase.rawValue] = entries
            phases["all", default: []] += entries
        }
        return phases
    }

    /// The role deploy.sh makes in a shared etcd, its prefixes, and the
    /// users granted it: every node's certificate, the operator's (admin),
    /// and patroni's password user. A mapping even without one (`enabled`
    /// false), so that templates name its members whatever the definition.
    static func etcdAccessValues(_ access: EtcdAccess?, definition d: ClusterDefinition) -> [String: Any] {
        [
            "enabled": access != nil,
            "role": access?.role ?? "",
            "prefixes": access?.prefixes ?? [],
            "certificate_users": d.etcdCertificateUsers,
            "admin_subject": access.map { "/CN=\($0.certificateUser("admin"))" } ?? "",
            "password_login": access?.passwordUser != nil,
            "password_user": access?.passwordUser ?? "",
        ]
    }

    /// Puts `value` at a dotted path, making the mappings on the way.
    private static func set(_ value: Any, at path: String, in values: inout [String: Any]) {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            values[path] = value
            return
        }
        var inner = values[parts[0]] as? [String: Any] ?? [:]
        set(value, at: parts[1], in: &inner)
        values[parts[0]] = inner
    }

    /// The context with `node` set to the values of the node at `index`.
    func node(at index: Int) -> [String: Any] {
        var values = base
        var node = nodeValues[index]
        node["fmris"] = [String]()
        values["node"] = node
        return values
    }

    private static func nodeValues(_ node: Node, index: Int, definition d: ClusterDefinition,
                                   haproxyAddresses: [String], fmris: [String], postgresAccount: Bool)
        -> [String: Any]
    {
        let host = urlHost(node.address)
        let bind = d.haproxy.bindAddress ?? node.address
        let stats = d.haproxy.statsAddress ?? bind
        var values = Dictionary(uniqueKeysWithValues: NodeKeys.all.map { ($0.name, $0.value(in: node)) })
        values.merge([
            "index": index,
            "url_host": host,
            // haproxy takes `ipv6@` before an IPv6 address in `bind`.
            "haproxy_bind": bind.contains(":") ? "ipv6@\(bind)" : bind,
            "haproxy_stats_bind": stats.contains(":") ? "ipv6@\(stats)" : stats,
            // The node certificate's names, as openssl's subjectAltName takes them.
            "certificate_names": subjectAltNames(of: node, haproxyAddresses: haproxyAddresses, definition: d),
            // On a shared etcd the certificate's common name is the node's etcd user.
            "certificate_subject": d.etcdAccess.map { "/CN=\($0.certificateUser(node.name))" } ?? "",
            // Whether its zone gets its own key (a host is carried it only then).
            "uses_node_key": d.usesNodeCertificate(node),
            "fmris": fmris,
            "joins_etcd": node.joinsEtcd,
            // Plain replication: the node replication.primary names.
            "primary": d.stack == .replication && node.name == d.replication.primary,
            // `{{#roles.etcd}}…{{/roles.etcd}}` in a template: what only such nodes get.
            "roles": Dictionary(uniqueKeysWithValues: NodeRole.allCases.map { ($0.rawValue, d.runs($0, on: node)) }),
            // The overlay its zone is created with: its roles' daemons only.
            "overlay": d.overlayID(of: node),
            // A daemon of this node runs as the PostgreSQL account (patroni,
            // or any stolon daemon: they keep their TLS files under
            // paths.postgres_data), so the node needs that directory.
            "postgres_account": postgresAccount,
        ]) { own, _ in own }
        return values
    }

    /// The node's own address and name; with patroni, every address a
    /// client dials haproxy at (haproxy passes TLS through, so a client that
    /// dialed any node's haproxy is shown the primary's certificate, which
    /// must name that address for `sslmode=verify-full`); then
    /// `tls.extra_sans`. IP literals as `IP:`, anything else as `DNS:`.
    /// Every address clients dial haproxy at (none without haproxy): the
    /// proxy nodes'.
    static func haproxyAddresses(_ d: ClusterDefinition) -> [String] {
        d.stack == .patroni
            ? d.nodes(running: .proxy).map { d.haproxy.bindAddress ?? $0.address }.filter { IPAddress($0)?.isWildcard == false } : []
    }

    static func subjectAltNames(of node: Node, haproxyAddresses: [String], definition d: ClusterDefinition) -> String {
        var names = ["IP:\(node.address)", "DNS:\(node.name)"]
        var seen = Set(names)
        for entry in haproxyAddresses + d.tlsExtraNames {
            let name = IPAddress(entry) != nil ? "IP:\(entry)" : "DNS:\(entry)"
            if seen.insert(name).inserted { names.append(name) }
        }
        return names.joined(separator: ",")
    }

    /// An address as it goes into a URL or `host:port`: IPv6 in brackets.
    static func urlHost(_ address: String) -> String {
        address.contains(":") ? "[\(address)]" : address
    }

    /// The networks pg_hba admits for replication and clients: each node's
    /// own address, except that loopback nodes admit the whole loopback
    /// network, because Linux picks 127.0.0.1 as the source address of
    /// connections between loopback addresses (hapg-linux.md §7.5).
    static func hbaNetworks(_ nodes: [Node]) -> [String] {
        var networks: [String] = []
        for node in nodes {
            let network: String
            if node.address.hasPrefix("127.") {
                network = "127.0.0.0/8"
            } else if node.address.contains(":") {
                network = node.address == "::1" ? "::1/128" : "\(node.address)/128"
            } else {
                network = "\(node.address)/32"
            }
            if !networks.contains(network) { networks.append(network) }
        }
        return networks
    }
}
