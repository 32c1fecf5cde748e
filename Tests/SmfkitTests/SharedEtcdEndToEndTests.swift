import Cluster
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One etcd serves two PostgreSQL clusters on real daemons (issue 15, "An
/// existing etcd"): the loopback etcd cluster (Examples/loopback-etcd.yaml,
/// its members on 127.0.0.81–83 so that it can run beside EtcdEndToEndTests)
/// comes up as in EtcdEndToEndTests, its certificates.sh making the CA; the two patroni clusters of Examples/loopback-shared-etcd/
/// (orders on 127.0.0.61–62, billing on 127.0.0.71–72, 2 nodes each), whose
/// copies name the etcd's copy in `etcd.definition`, pass `smfkit check`
/// together (and fail it under one scope), are generated with no etcd in
/// any node's plan, get their certificates from a copy of the etcd's CA
/// through their own certificates.sh, and run each node under its own
/// `smfkit run`. billing is deployed first, its role and users made and
/// its patroni leading while etcd has no authentication (a site upgraded in
/// the order the docs give); then the etcd's deploy.sh turns authentication
/// on (root known by its certificate), billing's patronis are restarted,
/// replica first, and lead again, reaching etcd under it; then orders
/// is deployed as a new cluster. Both have a leader with its replica; rows written through each cluster's
/// haproxy land in that cluster only; etcd holds both scopes' keys (read as
/// root); each cluster's node certificate and patroni login read its own
/// prefix and are refused the other's, read and write; a failover in orders (`svcadm disable` of its leader's patroni)
/// leaves billing's leader where it was. Needs what EndToEndTests needs;
/// skipped without it, failing under CI=true. Run alone with
/// `swift test --filter SharedEtcd`.
@Suite(.serialized) struct SharedEtcdEndToEndTests {
    /// Seconds from the disable until orders' haproxys route to the new leader.
    static let failoverLimit = 15.0

    @Test(.enabled(
        if: E2EPrerequisites.shouldRun,
        "needs root and Debian's etcd-server, etcd-client, patroni, haproxy, postgresql (.ci/run installs them); missing: \(E2EPrerequisites.missing.joined(separator: ", "))"))
    func oneEtcdServesTwoPatroniClusters() throws {
        guard E2EPrerequisites.available else {
            Issue.record("CI=true but the shared-etcd end-to-end test cannot run; missing: \(E2EPrerequisites.missing.joined(separator: ", "))")
            return
        }
        let shared = try SharedEtcdLoopback(guardSeconds: 240)
        var passed = false
        let whole = Stopwatch()
        defer {
            let teardown = Stopwatch()
            shared.teardown()
            report("teardown took %.1f s; whole test %.1f s", teardown.seconds, whole.seconds)
            let leftovers = shared.leftoverProcesses()
            #expect(leftovers.isEmpty, "processes outlived the teardown: \(leftovers)")
            if passed {
                for directory in shared.scratchDirectories { try? FileManager.default.removeItem(atPath: directory) }
            } else {
                report("kept %@ (state/NODE/log/ has every instance's log)", shared.scratchDirectories.joined(separator: ", "))
            }
        }

        // The etcd cluster first, as deploy.sh's store phase asks: its
        // certificates.sh makes the CA the two clusters' scripts copy.
        let etcdHealthy = try shared.etcd.bringUp()
        report("etcd: 3 members healthy %.2f s after the first start", etcdHealthy)

        try shared.writeDefinitions()
        let together = try shared.check(shared.definitionFiles)
        #expect(together.succeeded, "smfkit check etcd orders billing: \(together.stdout)\(together.stderr)")
        let clash = try shared.check([shared.definitionFiles[0], try shared.writeDefinition(ofLastUnderScope: "orders")])
        #expect(!clash.succeeded && clash.stderr.contains("[cluster.etcd.shared-scope]"),
                "billing under orders' scope: \(clash.stdout)\(clash.stderr)")
        report("smfkit check etcd orders billing: exit %d; with billing's scope orders': exit %d (%@)",
               together.status, clash.status, firstLine(clash.stderr))

        let orders = shared.clusters[0], billing = shared.clusters[1]
        let etcdCA = try Data(contentsOf: URL(fileURLWithPath: shared.etcd.path("ca/ca.crt")))
        for (cluster, file) in zip(shared.clusters, shared.definitionFiles) {
            try cluster.generate(file)
            try cluster.plan()
            try expectNoEtcd(in: cluster)
            // certificates.sh issue (a copy of the etcd's CA) and install, as deploy.sh's tls phase.
            try cluster.prepareNodes()
            let copied = try Data(contentsOf: URL(fileURLWithPath: cluster.caDirectory + "/ca.crt"))
            #expect(copied == etcdCA, "\(cluster.definition.cluster)'s ca.crt is not the etcd's")
            try cluster.bootRestarters()
        }

        // billing is a site upgraded in the order docs/cluster-definition.md
        // gives for clusters already running on an etcd without
        // authentication: the cluster deployed again first — its store
        // phase makes its role and users while authentication is still off,
        // and patroni runs with its login — and only then the etcd.
        let store = { (cluster: LoopbackCluster, round: String) in
            let run = try cluster.deployHealthCheck(functions: "etcd_healthy && grant_etcd_access")
            #expect(run.succeeded,
                    "\(cluster.definition.cluster)'s deploy.sh etcd_healthy, grant_etcd_access (\(round) run): \(run.stdout)\(run.stderr)")
        }
        try store(billing, "before etcd's authentication")
        let billingUp = Stopwatch()
        try billing.enable(.patroni)
        let billingFirst = try readyLeader(of: billing)
        report("billing deployed before etcd's authentication: leader %@ with its replica after %.2f s",
               billingFirst.name, billingUp.seconds)

        // Then the etcd's deploy.sh's store phase turns etcd's authentication
        // on (root known by its certificate); a second deploy does it again.
        let authTime = Int(Date().timeIntervalSince1970)
        for round in ["first", "second"] {
            let auth = try shared.etcd.enableAuth()
            #expect(auth.succeeded, "the etcd's deploy.sh enable_etcd_auth (\(round) run): \(auth.stdout)\(auth.stderr)")
        }
        let anonymous = try shared.etcd.etcdctl(["get", "--prefix", "/"])
        #expect(!anonymous.succeeded && anonymous.stderr.contains("permission denied"),
                "the etcd's admin certificate, no etcd user, reads keys: \(anonymous.stdout)\(anonymous.stderr)")
        #expect(try shared.etcd.healthy(), "etcdctl endpoint health fails once authentication is on")
        report("etcd authentication on (enable_etcd_auth run twice); the admin certificate (no etcd user): %@; endpoint health still passes",
               errorLine(anonymous.stderr))
        // Left running, billing's patroni, which started while etcd had no
        // authentication, meets it with no login token: patroni 3.0.2 was
        // seen stalling in "Trying to authenticate on Etcd..." beyond its
        // ttl. Reported, not asserted: it is patroni's, and the procedure
        // below does not rely on it either way.
        let reachedAlone = (try? billing.waitUntil("billing's leader reaches etcd under authentication", seconds: 15,
                                                   poll: 0.5) {
            (dcsLastSeen(of: billing, on: billingFirst) ?? 0) > authTime + 1
        }) != nil
        report("billing's patroni, left running, %@ etcd within 15 s of its authentication coming on (patroni's dcs_last_seen)",
               reachedAlone ? "reached" : "did not reach")
        // The procedure docs/cluster-definition.md gives: each of billing's
        // patronis stopped and started again (svcadm disable, enable -s), the
        // replicas first, so that each logs in as it starts, as a new
        // cluster's do.
        let restart = Stopwatch()
        let replicasFirst = billing.nodes.filter { $0.name != billingFirst.name } + billing.nodes.filter { $0.name == billingFirst.name }
        for node in replicasFirst {
            let fmri = try billing.entry(.patroni, on: node).fmri
            try billing.restarter(of: node).disable(fmri, waitSeconds: 60)
            try billing.restarter(of: node).enable(fmri, seconds: 60)
        }
        let billingRestarted = try readyLeader(of: billing)
        let restartedAt = Int(Date().timeIntervalSince1970)
        _ = try billing.waitUntil("billing's leader reaches etcd under authentication after its restart", seconds: 45,
                                  poll: 0.5) {
            (dcsLastSeen(of: billing, on: billingRestarted) ?? 0) > restartedAt
        }
        report("billing's patronis restarted under authentication (replica first): leader %@ with its replica and reaching etcd %.1f s after the first stop",
               billingRestarted.name, restart.seconds)

        // orders, a new cluster on the etcd with authentication on: its role
        // and users made as etcd's root (twice: a second deploy changes
        // nothing), then patroni. billing's deploy again, under authentication.
        try store(orders, "first")
        try store(orders, "second")
        try store(billing, "under authentication")
        let ordersUp = Stopwatch()
        try orders.enable(.patroni)
        let ordersFirst = try readyLeader(of: orders)
        report("orders enabled on the etcd with authentication: leader %@ with its replica after %.2f s",
               ordersFirst.name, ordersUp.seconds)
        let leaders = ["orders": ordersFirst, "billing": billingRestarted]
        for cluster in shared.clusters {
            try cluster.enable(.haproxy)
            let states = cluster.instanceStates()
            #expect(states.count == 4 && states.allSatisfy { $0.state == "online" }, "not every instance is online: \(states)")
            let leader = try #require(leaders[cluster.definition.cluster])
            _ = try cluster.waitUntil("\(cluster.definition.cluster)'s haproxys route to \(leader.name)", seconds: 30) {
                try cluster.haproxyRoutes(to: leader)
            }
            let health = try cluster.deployHealthCheck()
            #expect(health.succeeded && health.stdout.contains(leader.name),
                    "\(cluster.definition.cluster)'s deploy.sh health check: \(health.stdout)\(health.stderr)")
        }

        // Rows through each cluster's haproxy, ids of its own: each cluster
        // (and its replica) holds exactly its own.
        let ordersRows = try orders.writeRows(ids: 1...100)
        let billingRows = try billing.writeRows(ids: 1001...1050)
        #expect(ordersRows == Set(1...100) && billingRows == Set(1001...1050),
                "acknowledged: orders \(ordersRows.count) of 100, billing \(billingRows.count) of 50")
        #expect(try orders.readRows() == ordersRows, "orders holds other rows than its own")
        #expect(try billing.readRows() == billingRows, "billing holds other rows than its own")
        for cluster in shared.clusters {
            let rows = cluster === orders ? ordersRows.count : billingRows.count
            for node in cluster.proxyNodes {
                _ = try cluster.waitUntil("\(node.name)'s haproxy replica port serves its \(rows) rows", seconds: 30) {
                    try cluster.replicaRead(on: node) == "t|\(rows)"
                }
            }
        }
        report("rows: 100 through orders' haproxy, 50 through billing's; each cluster and its replica hold exactly their own")

        // Both scopes' keys under patroni's namespace in the one etcd, read
        // with etcd's root certificate (on the deploying host only).
        let namespace = "/" + orders.definition.patroni.namespace.split(separator: "/").joined(separator: "/") + "/"
        let listed = try orders.etcdctl(["get", "--prefix", namespace, "--keys-only"], client: shared.etcd.rootClient)
        let keys = Set(listed.stdout.split(separator: "\n").map(String.init))
        for scope in shared.clusters {
            let name = scope.definition.cluster
            let expected = [namespace + name + "/leader", namespace + name + "/initialize"]
                + scope.nodes.map { namespace + name + "/members/" + $0.name }
            #expect(listed.succeeded && expected.allSatisfy(keys.contains),
                    "etcdctl get --prefix \(namespace) with root's certificate lacks \(name)'s keys: \(keys.sorted()) \(listed.stderr)")
        }
        report("etcdctl get --prefix %@ with etcd's root certificate: %d keys, %@", namespace, keys.count,
               keys.filter { $0.hasSuffix("/leader") }.sorted().joined(separator: ", "))

        // Each cluster confined to its own prefix: with a node's certificate
        // (its common name the node's etcd user) and with what patroni
        // presents (a certificate without one, and the cluster's etcd user
        // and password), its own keys are readable, the other's neither
        // readable nor writable.
        for (cluster, other) in [(orders, billing), (billing, orders)] {
            let own = namespace + cluster.definition.cluster + "/", foreign = namespace + other.definition.cluster + "/"
            let node = cluster.nodes[0]
            let nodeCertificate = TLSClientIdentity(caFile: cluster.caDirectory + "/ca.crt",
                                                    certificateFile: cluster.caDirectory + "/\(node.name).crt",
                                                    keyFile: cluster.caDirectory + "/\(node.name).key")
            let patroniCertificate = TLSClientIdentity(caFile: cluster.caDirectory + "/ca.crt",
                                                       certificateFile: cluster.caDirectory + "/etcd-client.crt",
                                                       keyFile: cluster.caDirectory + "/etcd-client.key")
            let login = ["--user=\(try #require(cluster.definition.etcdAccess?.passwordUser))", "--password=\(cluster.etcdPassword)"]
            for (what, client, extra) in [("\(node.name)'s node certificate", nodeCertificate, [String]()),
                                          ("patroni's etcd login", patroniCertificate, login)] {
                let ownRead = try cluster.etcdctl(extra + ["get", "--prefix", own, "--keys-only"], client: client)
                let foreignRead = try cluster.etcdctl(extra + ["get", "--prefix", foreign], client: client)
                let foreignWrite = try cluster.etcdctl(extra + ["put", foreign + "leader", cluster.definition.cluster], client: client)
                let ownKeys = ownRead.stdout.split(separator: "\n").count
                #expect(ownRead.succeeded && ownRead.stdout.contains(own + "leader"),
                        "\(what) cannot read \(own): \(ownRead.stdout)\(ownRead.stderr)")
                #expect(!foreignRead.succeeded && foreignRead.stderr.contains("permission denied"),
                        "\(what) reads \(foreign): \(foreignRead.stdout)\(foreignRead.stderr)")
                #expect(!foreignWrite.succeeded && foreignWrite.stderr.contains("permission denied"),
                        "\(what) writes \(foreign)leader: \(foreignWrite.stdout)\(foreignWrite.stderr)")
                report("%@ (%@): get --prefix %@ exit %d, %d keys; get --prefix %@ exit %d (%@); put %@leader exit %d (%@)",
                       cluster.definition.cluster, what, own, ownRead.status, ownKeys, foreign, foreignRead.status,
                       errorLine(foreignRead.stderr), foreign, foreignWrite.status, errorLine(foreignWrite.stderr))
            }
        }

        // A failover in orders: an operator's svcadm disable of its leader's
        // patroni. billing's leader is watched throughout and must not move.
        let oldLeader = ordersFirst, billingLeader = billingRestarted
        let billingTimeline = try timeline(of: billing, on: billingLeader)
        let clock = Stopwatch()
        try orders.restarter(of: oldLeader).disable(try orders.entry(.patroni, on: oldLeader).fmri)
        var newLeader: Cluster.Node?
        var billingLeadersSeen: Set<String> = []
        let elected = try orders.waitUntil("a node of orders other than \(oldLeader.name) leads", seconds: Self.failoverLimit,
                                           poll: 0.1) {
            if let name = billing.currentLeader() { billingLeadersSeen.insert(name) }
            guard let name = orders.currentLeader(), name != oldLeader.name else { return false }
            newLeader = orders.nodes.first { $0.name == name }
            return newLeader != nil
        }
        let promoted = try #require(newLeader)
        _ = try orders.waitUntil("orders' haproxys route to \(promoted.name)", seconds: max(Self.failoverLimit - clock.seconds, 1)) {
            try orders.haproxyRoutes(to: promoted)
        }
        let routed = clock.seconds
        if let name = billing.currentLeader() { billingLeadersSeen.insert(name) }
        report("failover in orders (svcadm disable of patroni on %@): %@ leads after %.2f s, orders' haproxys route to it after %.2f s; billing's leader throughout: %@",
               oldLeader.name, promoted.name, elected, routed, billingLeadersSeen.sorted().joined(separator: ", "))
        #expect(routed <= Self.failoverLimit)
        #expect(billingLeadersSeen == [billingLeader.name], "billing's leader moved: \(billingLeadersSeen)")
        #expect(try timeline(of: billing, on: billingLeader) == billingTimeline, "billing's timeline changed")
        #expect(try billing.haproxyRoutes(to: billingLeader), "billing's haproxys no longer route to \(billingLeader.name)")
        passed = true
    }

    /// `smfkit plan` gives each node of `cluster` patroni and haproxy, no
    /// etcd, and no etcd manifest is generated.
    private func expectNoEtcd(in cluster: LoopbackCluster) throws {
        for node in cluster.nodes {
            let entries = cluster.plans[node.name] ?? []
            let fmris = entries.map(\.fmri)
            let roles = entries.compactMap { cluster.role(of: $0) }
            #expect(entries.count == 2 && Set(roles) == [.patroni, .haproxy] && !fmris.contains { $0.contains("etcd") },
                    "the plan of \(node.name) is not patroni and haproxy alone: \(fmris)")
        }
        let manifests = try FileManager.default.contentsOfDirectory(atPath: cluster.path("out/manifests")).sorted()
        #expect(manifests == ["haproxy.xml", "patroni.xml"], "\(cluster.definition.cluster)'s manifests: \(manifests)")
    }

    /// Waits (90 s at most) until `cluster` has a leader with a streaming
    /// replica, and returns the leader.
    private func readyLeader(of cluster: LoopbackCluster) throws -> Cluster.Node {
        var leader: Cluster.Node?
        _ = try cluster.waitUntil("\(cluster.definition.cluster) has a leader and a streaming replica", seconds: 90,
                                  poll: 0.5) {
            leader = cluster.readyLeader()
            return leader != nil
        }
        return try #require(leader)
    }

    /// When `node`'s patroni last reached etcd (its REST API's
    /// `dcs_last_seen`, seconds since the epoch).
    private func dcsLastSeen(of cluster: LoopbackCluster, on node: Cluster.Node) -> Int? {
        LoopbackHTTP.json(host: node.address, port: cluster.definition.patroni.restPort, path: "/patroni",
                          client: cluster.restClient)?["dcs_last_seen"] as? Int
    }

    /// The timeline `node`'s patroni reports (it grows with every promotion).
    private func timeline(of cluster: LoopbackCluster, on node: Cluster.Node) throws -> Int {
        let state = LoopbackHTTP.json(host: node.address, port: cluster.definition.patroni.restPort, path: "/patroni",
                                      client: cluster.restClient)
        return try #require(state?["timeline"] as? Int, "no timeline from \(node.name)'s patroni")
    }

    /// etcdctl's own message (`Error: …`), without the client's retry warnings.
    private func errorLine(_ text: String) -> String {
        text.split(separator: "\n").last { $0.hasPrefix("Error:") }.map(String.init) ?? firstLine(text)
    }

    private func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first.map(String.init) ?? "no message"
    }

    private func report(_ format: String, _ arguments: any CVarArg...) {
        print("[e2e-shared] " + String(format: format, arguments: arguments))
    }
}
