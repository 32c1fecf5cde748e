import Cluster
import Foundation
import TestSupport
import SMF
import Yams
#if canImport(Glibc)
import Glibc
#endif

/// The loopback patroni cluster of Examples/loopback-patroni.yaml (or of
/// another patroni example: the shared-etcd test's two clusters), generated
/// by smfkit and started from `smfkit plan`, in a scratch directory.
///
/// The harness only prepares what the deploy script and the packages
/// prepare on a node (data directories, secret files); every command line
/// and configuration file comes from smfkit.
final class LoopbackCluster: LoopbackHarness {
    /// The example the test's definition is a copy of.
    let example: String
    let scratch: String
    /// Bounds the whole run; every wait stops at it.
    let guardDeadline: Deadline
    private(set) var definition: ClusterDefinition
    /// Per node, in start order.
    private(set) var plans: [String: [PlanEntry]] = [:]
    private(set) var daemons: [String: Daemon] = [:]
    /// One `smfkit run` per node, when the test runs the nodes under
    /// restarters (LoopbackCluster+Restarters) rather than as `daemons`.
    var restarters: [String: NodeRestarter] = [:]
    /// haproxy's bind address and patroni's data directory per node, read
    /// from the generated manifests' composed instance properties.
    private(set) var haproxyBind: [String: String] = [:]
    private(set) var dataDirectory: [String: String] = [:]
    private(set) var superuserPassword = ""
    private(set) var restPassword = ""
    private(set) var statsPassword = ""
    /// patroni's etcd user's, on a shared etcd with TLS.
    private(set) var etcdPassword = ""
    private var tornDown = false

    enum Role { case etcd, patroni, haproxy }

    init(guardSeconds: Double, example: String = E2EPrerequisites.example) throws {
        self.example = example
        guardDeadline = Deadline(seconds: guardSeconds)
        var template = Array("/tmp/smfkit-e2e-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw E2EFailure("mkdtemp failed") }
        scratch = String(cString: made)
        // mkdtemp makes it 0700; the daemons' users must traverse it.
        chmod(scratch, 0o755)
        definition = ClusterDefinition(cluster: "", stack: .patroni, nodes: [])
    }

    /// The nodes of each role (the example splits them).
    var etcdNodes: [Cluster.Node] { definition.nodes(running: .etcd) }
    var postgresNodes: [Cluster.Node] { definition.nodes(running: .postgres) }
    var proxyNodes: [Cluster.Node] { definition.nodes(running: .proxy) }
    /// `address:port` of the etcd members patroni uses: the cluster's own,
    /// or those of the existing etcd it names (`etcd.definition`).
    var etcdHosts: [String] {
        if let external = definition.externalEtcd {
            return external.members.map { "\($0.address):\(external.clientPort)" }
        }
        return etcdNodes.map { "\($0.address):\(definition.etcd.clientPort)" }
    }

    // MARK: generate and plan

    /// The example with `paths.data`, `paths.config`, `paths.methods` and
    /// `secrets.*` moved into the scratch directory; then `adjust` changes
    /// what else the test needs (the shared-etcd test: `etcd.definition`).
    func writeDefinition(_ adjust: (inout Yams.Node) throws -> Void = { _ in }) throws -> String {
        let text = try String(contentsOfFile: example, encoding: .utf8)
        guard var root = try Yams.compose(yaml: text) else { throw E2EFailure("the example is empty") }
        // Every password patroni's stack has (its etcd user's is read only
        // on a shared etcd with TLS).
        relocate(&root, passwords: ClusterPassword.allCases)
        // SMFKIT_E2E_SET="patroni.ttl=20 haproxy.fall=2": other values of
        // the definition's keys, so the failover benchmark can compare settings.
        for assignment in (ProcessInfo.processInfo.environment["SMFKIT_E2E_SET"] ?? "").split(separator: " ") {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            let path = parts[0].split(separator: ".").map(String.init)
            guard parts.count == 2, path.count == 2 else { throw E2EFailure("SMFKIT_E2E_SET: \(assignment) is not section.key=value") }
            var section = root[path[0]] ?? Yams.Node.mapping([:])
            section[path[1]] = Yams.Node(parts[1])
            root[path[0]] = section
        }
        try adjust(&root)
        let copy = path("cluster.yaml")
        definition = try ExampleCopy.write(root, to: copy)
        return copy
    }

    func plan() throws {
        for node in nodes {
            plans[node.name] = try ExampleCopy.plan(path("out"), node: node.name)
        }
        // What the test must know about the running daemons, from the
        // generated XML (not from the definition).
        let manifests = try FileManager.default.contentsOfDirectory(atPath: path("out/manifests")).sorted()
        let bundles = try manifests.map { name throws -> ServiceBundle in
            guard let bundle = try SMFDocument.load(path: path("out/manifests/\(name)")).bundle else {
                throw E2EFailure("\(name) is not a service bundle")
            }
            return bundle
        }
        let catalog = ServiceCatalog(bundles: bundles)
        for node in proxyNodes {
            haproxyBind[node.name] = try property("config/bind_address", of: entry(.haproxy, on: node), in: catalog)
        }
        for node in postgresNodes {
            dataDirectory[node.name] = try property("config/data_dir", of: entry(.patroni, on: node), in: catalog)
        }
    }

    private func property(_ name: String, of entry: PlanEntry, in catalog: ServiceCatalog) throws -> String {
        guard case .success(let parts) = FMRI.parseService(entry.fmri), let serviceName = parts.service,
              let service = catalog.service(named: serviceName),
              let instance = service.instances.first(where: { $0.name == parts.instance })
        else { throw E2EFailure("\(entry.fmri) is not in the manifests") }
        let pieces = name.split(separator: "/").map(String.init)
        guard let value = composedProperties(of: instance, in: service)[group: pieces[0]]?[property: pieces[1]]?
            .textValues.first
        else { throw E2EFailure("\(entry.fmri) has no \(name)") }
        return value
    }

    /// Which daemon an entry starts: the one whose binary (from the
    /// definition's paths) is a word of the command.
    func role(of entry: PlanEntry) -> Role? {
        let words = Set(entry.exec.split(separator: " ").map(String.init))
        if words.contains(definition.paths.patroni) { return .patroni }
        if words.contains(definition.paths.haproxy) { return .haproxy }
        if words.contains(definition.paths.etcd) { return .etcd }
        return nil
    }

    func entry(_ role: Role, on node: Cluster.Node) throws -> PlanEntry {
        guard let entry = plans[node.name]?.first(where: { self.role(of: $0) == role }) else {
            throw E2EFailure("the plan of \(node.name) has no \(role) entry")
        }
        return entry
    }

    func daemon(_ role: Role, on node: Cluster.Node) throws -> Daemon {
        guard let daemon = daemons[try entry(role, on: node).fmri] else {
            throw E2EFailure("\(role) on \(node.name) was not started")
        }
        return daemon
    }

    // MARK: what deploy.sh and the packages prepare on a node

    func prepareNodes() throws {
        guard let etcdUser = Accounts.user(definition.users.etcd.name),
              let postgresUser = Accounts.user(definition.users.postgres.name),
              let haproxyUser = Accounts.user(definition.users.haproxy.name)
        else { throw E2EFailure("the etcd, postgres or haproxy user is missing") }
        let manager = FileManager.default
        try manager.createDirectory(atPath: path("logs"), withIntermediateDirectories: true)
        let data = definition.paths.data
        try manager.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(data, 0o755)
        for (directory, owner) in [("etcd", etcdUser), ("postgres", postgresUser)] {
            let full = data + "/" + directory
            try manager.createDirectory(atPath: full, withIntermediateDirectories: true)
            chown(full, owner.uid, owner.gid)
            chmod(full, 0o700)
        }
        let secrets = path("secrets")
        try manager.createDirectory(atPath: secrets, withIntermediateDirectories: true)
        // Traversable: haproxy reads its own file in it; each file is 0600, owned by its reader.
        chmod(secrets, 0o711)
        let restFile = definition.value(at: "secrets.rest_password") as? String ?? ""
        let statsFile = definition.value(at: "secrets.stats_password") as? String ?? ""
        for file in [definition.secrets.superuserPassword, definition.secrets.replicationPassword,
                     definition.secrets.rewindPassword, restFile, statsFile] {
            let password = try ExampleCopy.writePassword(to: file, owner: file == statsFile ? haproxyUser : postgresUser)
            if file == definition.secrets.superuserPassword { superuserPassword = password }
            if file == restFile { restPassword = password }
            if file == statsFile { statsPassword = password }
        }
        if definition.etcdAccess?.passwordUser != nil {
            // patroni's etcd password: in the node's secrets as deploy.sh
            // installs it, and in $SECRETS (HOME is the scratch directory
            // for deploy.sh's functions) for its grant_etcd_access.
            let file = definition.value(at: "secrets.etcd_password") as? String ?? ""
            etcdPassword = try ExampleCopy.writePassword(to: file, owner: postgresUser)
            let deploySecrets = path(".smfkit/\(definition.cluster)/secrets")
            try manager.createDirectory(atPath: deploySecrets, withIntermediateDirectories: true)
            chmod(deploySecrets, 0o700)
            guard let root = Accounts.user("root") else { throw E2EFailure("the root user is missing") }
            try ExampleCopy.writePassword(etcdPassword, to: deploySecrets + "/etcd-password", owner: root)
        }
        if definition.tlsEnabled { try installCertificates() }
    }

    // MARK: starting and stopping

    /// Every node's entries, round by round in plan order (etcd of every
    /// node, then patroni, …), as the nodes' svc.startd would run them side
    /// by side; `roles` limits it to some daemons (nil: all of them).
    func start(_ roles: Set<Role>? = nil) throws {
        let rounds = plans.values.map(\.count).max() ?? 0
        for round in 0..<rounds {
            for node in nodes {
                guard let entries = plans[node.name], round < entries.count else { continue }
                let entry = entries[round]
                if let roles, let role = role(of: entry), !roles.contains(role) { continue }
                let daemon = Daemon(entry: entry, logPath: logPath(for: entry.fmri))
                daemons[entry.fmri] = daemon
                try daemon.start()
            }
        }
    }

    private func logPath(for fmri: String) -> String {
        path("logs/" + fmri.replacingOccurrences(of: "svc:/", with: "").replacingOccurrences(of: "/", with: "_") + ".log")
    }

    /// `patroni --validate-config` on exactly what the node's patroni
    /// reads: its planned start command, run the same way, with the flag
    /// added. patroni checks that the etcd members answer and that its own
    /// ports are free, so this runs between etcd and patroni.
    func validatePatroniConfiguration(on node: Cluster.Node) throws -> (passed: Bool, output: String) {
        var check = try entry(.patroni, on: node)
        check.exec += " --validate-config"
        let log = path("logs/validate-config-\(node.name).log")
        let daemon = Daemon(entry: check, logPath: log)
        try daemon.start()
        guard daemon.waitForExit(until: Deadline(seconds: 60, within: guardDeadline)) else {
            daemon.signal(SIGKILL)
            throw E2EFailure("patroni --validate-config on \(node.name) did not finish in 60 s")
        }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (daemon.exitStatus == 0, output)
    }

    /// Stops only what this run started, by PID and process group, in the
    /// order hapg-linux.md §4.5 found clean: haproxy, patroni replicas, the
    /// patroni leader, then etcd one member at a time. Also stops a
    /// postmaster a SIGKILLed patroni left behind in one of our data directories.
    func teardown() {
        guard !tornDown else { return }
        tornDown = true
        stopRestarters()
        let all = Array(daemons.values)
        func stop(_ daemon: Daemon, seconds: Double) {
            daemon.signal(SIGTERM)
            if !daemon.waitForExit(until: Deadline(seconds: seconds)) {
                daemon.signal(SIGKILL)
                daemon.waitForExit(until: Deadline(seconds: 5))
            }
            daemon.signalGroup(SIGKILL)
        }
        for daemon in all where role(of: daemon.entry) == .haproxy { stop(daemon, seconds: 10) }
        let leaderName = currentLeader()
        let patronis = nodes.filter { $0.name != leaderName } + nodes.filter { $0.name == leaderName }
        for node in patronis {
            if let daemon = try? daemon(.patroni, on: node) { stop(daemon, seconds: 60) }
            stopOrphanedPostmaster(of: node)
        }
        for daemon in all where role(of: daemon.entry) == .etcd { stop(daemon, seconds: 15) }
    }

    /// The postmaster of `node`'s data directory, if it is running.
    func postmasterPID(of node: Cluster.Node) -> pid_t? {
        guard let directory = dataDirectory[node.name],
              let text = try? String(contentsOfFile: directory + "/postmaster.pid", encoding: .utf8),
              let first = text.split(separator: "\n").first, let pid = pid_t(first), pid > 0,
              let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
        else { return nil }
        // Only a postgres of our own data directory.
        let words = commandLine.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard words.contains(where: { $0.hasSuffix("postgres") }), words.contains(directory) else { return nil }
        return pid
    }

    private func stopOrphanedPostmaster(of node: Cluster.Node) {
        guard let pid = postmasterPID(of: node) else { return }
        kill(pid, SIGINT)
        let deadline = Deadline(seconds: 30)
        while kill(pid, 0) == 0, !deadline.hasPassed { usleep(100_000) }
        if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
    }

    // MARK: deploy.sh's own health check

    /// deploy.sh's health check of the cluster, its own functions run
    /// unchanged (`DEPLOY_LIBRARY=1 . deploy.sh`): `has_leader_and_replicas`
    /// (patronictl list: one running leader, every other member a running
    /// replica) and `show_cluster`. deploy.sh reaches the first node through
    /// zlogin; here the nodes are this host, so a `zlogin` that runs the
    /// command in place stands in for it. (Its `svcs -H -o state` checks
    /// are not run: `smfkit svcs` has no -H/-o; the test reads each
    /// instance's state from its node's restarter with `smfkit svcprop`.)
    func deployHealthCheck(functions: String = "has_leader_and_replicas && show_cluster") throws -> ProcessRun {
        try DeployHealthCheck.run(generated: path("out"), scratch: scratch, functions: functions)
    }

    // MARK: observing

    /// Polls `condition` until it has held `consecutive` times in a row;
    /// returns the seconds until it first held in that final run.
    func waitUntil(
        _ what: String, seconds: Double, poll: Double = 0.2, consecutive: Int = 1, _ condition: () throws -> Bool
    ) throws -> Double {
        let clock = Stopwatch()
        let deadline = Deadline(seconds: seconds, within: guardDeadline)
        var held = 0
        var firstHeld = 0.0
        while true {
            if try condition() {
                if held == 0 { firstHeld = clock.seconds }
                held += 1
                if held >= consecutive { return firstHeld }
            } else {
                held = 0
            }
            if deadline.hasPassed {
                throw E2EFailure(String(format: "gave up after %.1f s waiting until %@ (logs in %@)", clock.seconds, what,
                                        path("logs")))
            }
            usleep(useconds_t(poll * 1_000_000))
        }
    }

    func etcdHealthy() throws -> Bool {
        try etcdctl(["endpoint", "health"], client: restClient).succeeded
    }

    /// `etcdctl member list`: the started members, their peer and client URLs.
    func etcdMembers() throws -> [(name: String, peerURLs: String, clientURLs: String)] {
        let run = try etcdctl(["member", "list"], client: restClient)
        guard run.succeeded else { throw E2EFailure("etcdctl member list failed: \(run.stderr)") }
        // id, status, name, peer URLs, client URLs, is learner
        return run.stdout.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 5, fields[1] == "started" else { return nil }
            return (fields[2], fields[3], fields[4])
        }
    }

    private func status(_ node: Cluster.Node, _ endpoint: String) -> Int? {
        LoopbackHTTP.get(host: node.address, port: definition.patroni.restPort, path: endpoint, client: restClient)?.status
    }

    /// The one node whose patroni answers 200 on /primary; nil if none or several.
    func currentLeader() -> String? {
        let leaders = postgresNodes.filter { status($0, "/primary") == 200 }
        return leaders.count == 1 ? leaders[0].name : nil
    }

    /// `node` is a running replica on the leader's timeline, answering 200 on
    /// /replica, and the leader streams to it (hapg-linux.md pitfalls 6, 10).
    func isStreamingReplica(_ node: Cluster.Node, leader: Cluster.Node) -> Bool {
        guard status(node, "/replica") == 200,
              let mine = LoopbackHTTP.json(host: node.address, port: definition.patroni.restPort, path: "/patroni",
                                           client: restClient),
              let theirs = LoopbackHTTP.json(host: leader.address, port: definition.patroni.restPort, path: "/patroni",
                                             client: restClient),
              mine["state"] as? String == "running",
              let timeline = theirs["timeline"] as? Int, mine["timeline"] as? Int == timeline,
              let replication = theirs["replication"] as? [[String: Any]]
        else { return false }
        return replication.contains { $0["application_name"] as? String == node.name && $0["state"] as? String == "streaming" }
    }

    /// In synchronous mode patroni promotes only a standby its /sync key
    /// names; a new leader names one a few seconds after a replica streams
    /// (it waits for PostgreSQL to report it synchronous), and a crash of the
    /// leader before that gets no automatic failover. True when a replica
    /// answers 200 on /sync, or when replication is asynchronous.
    func hasSynchronousStandby() -> Bool {
        guard definition.settings["patroni.synchronous_mode"] == .bool(true) else { return true }
        return postgresNodes.contains { status($0, "/sync") == 200 }
    }

    /// One leader, every other node a streaming replica of it, and (in
    /// synchronous mode) one of them its synchronous standby.
    func readyLeader() -> Cluster.Node? {
        guard let name = currentLeader(), let leader = nodes.first(where: { $0.name == name }) else { return nil }
        return postgresNodes.allSatisfy { $0.name == name || isStreamingReplica($0, leader: leader) }
            && hasSynchronousStandby() ? leader : nil
    }

    private func psql(host: String, _ arguments: [String], input: String? = nil, timeout: Double) throws -> ProcessRun {
        try Command.run(
            E2EPrerequisites.psql,
            ["-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", String(definition.haproxy.port),
             "-U", definition.postgres.superuser, "-d", "postgres"] + arguments,
            environment: clientEnvironment, input: input, timeout: timeout)
    }

    /// Every node's haproxy sends new connections on its primary port to
    /// `leader`, a writable server (several probes per haproxy, as several
    /// may share one address); a halted node's haproxy is `excluded`.
    func haproxyRoutes(to leader: Cluster.Node, excluding down: Cluster.Node? = nil) throws -> Bool {
        for node in proxyNodes where node.name != down?.name {
            guard let bind = haproxyBind[node.name] else { return false }
            for _ in 0..<3 {
                let run = try psql(host: bind, ["-c", "select host(inet_server_addr()), pg_is_in_recovery()"], timeout: 10)
                if run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != "\(leader.address)|f" { return false }
            }
        }
        return true
    }

    /// The first node's haproxy primary port, where the client writes and reads.
    var clientHost: String { haproxyBind[proxyNodes[0].name] ?? proxyNodes[0].address }

    /// Inserts rows 1...count one per statement in autocommit, through
    /// haproxy; returns the ids the server acknowledged (RETURNING printed them).
    func writeRows(_ count: Int) throws -> Set<Int> { try writeRows(ids: 1...count) }

    /// Inserts the rows `ids` the same way (clusters side by side write
    /// ids of their own, so a row in the wrong one shows).
    func writeRows(ids: ClosedRange<Int>) throws -> Set<Int> {
        var script = "create table if not exists e2e_rows (id integer primary key, note text not null);\n"
        for id in ids { script += "insert into e2e_rows values (\(id), 'row \(id)') returning id;\n" }
        let run = try psql(host: clientHost, ["-f", "-"], input: script, timeout: 120)
        let acknowledged = Set(run.stdout.split(separator: "\n").compactMap { Int($0) })
        if !run.succeeded, acknowledged.isEmpty { throw E2EFailure("writing rows failed: \(run.stderr)") }
        return acknowledged
    }

    /// What a reader gets on `node`'s haproxy replica port: whether the
    /// server is in recovery, and how many rows it has.
    func replicaRead(on node: Cluster.Node) throws -> String {
        let run = try Command.run(
            E2EPrerequisites.psql,
            ["-X", "-w", "-q", "-A", "-t", "-h", haproxyBind[node.name] ?? node.address,
             "-p", String(definition.haproxy.replicaPort), "-U", definition.postgres.superuser, "-d", "postgres",
             "-c", "select pg_is_in_recovery(), count(*) from e2e_rows"],
            environment: clientEnvironment, timeout: 10)
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func readRows() throws -> Set<Int> {
        let run = try psql(host: clientHost, ["-c", "select id from e2e_rows"], timeout: 60)
        guard run.succeeded else { throw E2EFailure("reading rows failed: \(run.stderr)") }
        return Set(run.stdout.split(separator: "\n").compactMap { Int($0) })
    }
}
