import Foundation
import TestSupport
import Testing

/// `stack: replication` with hosts (Examples/three-host-replication.yaml:
/// the primary node1 on alpha, the standbys node2 on beta and node3 on
/// gamma), run for real by /bin/sh against the illumos stand-ins, with
/// `ssh` standing in for the hosts (HostDeployTests.Site).
@Suite struct HostReplicationTests {
    static let service = "svc:/database/pgha/postgres"

    static func site() throws -> HostDeployTests.Site {
        let text = try String(contentsOfFile: Fixtures.path("Examples/three-host-replication.yaml"), encoding: .utf8)
        return try HostDeployTests.Site(definition: text, destinations: Array(HostDeployTests.hosts.values))
    }

    @Test func deployHostsStartsThePrimaryBeforeAnyStandbyAndChecksOnItsHost() throws {
        let site = try Self.site()
        defer { site.remove() }
        let journal = site.state + "/journal"
        let run = try site.run("deploy-hosts.sh", [], on: nil, ["SHIM_JOURNAL": journal])
        #expect(run.succeeded, "deploy-hosts.sh failed: \(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("deploy-hosts: the prod-replica cluster is deployed on alpha beta gamma"))
        for (host, node) in [("alpha", "node1"), ("beta", "node2"), ("gamma", "node3")] {
            #expect(site.zonesCreated(on: host) == [node])
            // Every zlogin of a host's run is into its own zone.
            let entered = Set(site.lines(site.host(host) + "/calls").filter { $0.hasPrefix("zlogin ") }
                .map { String($0.split(separator: " ")[1]) })
            #expect(entered == [node], "\(host) logged into \(entered)")
        }

        // Across hosts, in the order the zones saw it: node1 online before
        // node2 or node3 is enabled (each clones the running primary).
        let zones = site.lines(journal)
        let primaryOnline = try #require(DeployScriptTests.first("svcs -H -o state \(Self.service):node1", in: zones))
        for standby in ["node2", "node3"] {
            let enabled = try #require(DeployScriptTests.first("svcadm enable \(Self.service):\(standby)", in: zones))
            #expect(primaryOnline < enabled, "\(standby) was enabled before node1 was online")
        }
        // The database step: alone on alpha, then on the other two at once;
        // no store step (no etcd) and no proxy step.
        #expect(run.stdout.contains("deploy-hosts: step database on alpha\n"))
        #expect(run.stdout.contains("deploy-hosts: step database on beta gamma"))
        let ssh = site.lines(site.state + "/calls").filter { $0.hasPrefix("ssh ") }
        func indices(_ step: String) -> [Int] { ssh.indices.filter { ssh[$0].hasSuffix(" " + step) } }
        #expect(indices("store").isEmpty && indices("proxy").isEmpty, "\(ssh)")
        let alphaDatabase = try #require(ssh.firstIndex { $0.hasSuffix("deploy-alpha.sh alpha database") })
        let others = ssh.indices.filter { ssh[$0].hasSuffix(" database") && $0 != alphaDatabase }
        #expect(others.count == 2 && others.allSatisfy { alphaDatabase < $0 })
        #expect((indices("install").max() ?? .max) < alphaDatabase)
        #expect((others.max() ?? .max) < (indices("finish").min() ?? .min))

        // The health check asks the primary, on alpha only; the others say who waits.
        let alpha = site.lines(site.host("alpha") + "/calls")
        let health = try #require(alpha.last { $0.contains("count(*) from pg_stat_replication") })
        #expect(health.hasPrefix("zlogin node1 PGPASSWORD=$(cat /etc/pgha/secrets/superuser-password) "))
        for host in ["beta", "gamma"] {
            #expect(!site.lines(site.host(host) + "/calls").contains { $0.contains("psql") })
            #expect(run.stdout.contains(
                "\(host): deploy: the primary node1 is on alpha, whose finish step waits until every standby streams from it"))
        }
        #expect(run.stdout.contains("alpha: deploy: waiting until every standby streams from the primary node1"))
        #expect(run.stdout.contains("alpha: deploy: the prod-replica cluster is healthy as seen from alpha"))
    }

    @Test func aStandbyThatDoesNotStreamFailsTheFinishOnThePrimarysHost() throws {
        let site = try Self.site()
        defer { site.remove() }
        let run = try site.run("deploy-hosts.sh", [], on: nil, ["SHIM_STREAMING": "1", "TRIES": "2"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("deploy-hosts: step finish failed on: alpha;"), "\(run.stderr)")
        #expect(run.stdout.contains("alpha: deploy: the cluster has no leader with every other node its replica"))
    }

    @Test func aHostsScriptWithoutThePrimaryRefusesToAskIt() throws {
        let site = try Self.site()
        defer { site.remove() }
        let steps = try site.run("deploy-beta.sh", ["beta", "stor"], on: "beta")
        #expect(steps.stderr.contains("no step 'stor'; the steps are: prepare install database finish,"), "\(steps.stderr)")
        // Its psql_on_primary fails saying where the primary is.
        let script = try #require(site.file(site.output + "/deploy-beta.sh"))
        #expect(script.contains("fail \"the primary node1 is on host alpha, so it cannot be asked from here\""))
    }

    /// failover.sh, run on the operator's machine after deploy-hosts.sh,
    /// reaches each zone through ssh to its host, then zlogin there.
    @Test func failoverReachesEachZoneThroughSshAndZloginInOrder() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.run("deploy-hosts.sh").succeeded)
        try? FileManager.default.removeItem(atPath: site.state + "/calls")
        let run = try site.run("failover.sh", ["node2"], on: nil, ["SHIM_STREAMING": "1"])
        #expect(run.succeeded, "failover.sh failed: \(run.stdout)\(run.stderr)")
        let ssh = site.lines(site.state + "/calls")
        #expect(!ssh.isEmpty && ssh.allSatisfy { $0.hasPrefix("ssh root@10.1.0.") }, "\(ssh)")
        // Each node through its own host.
        let at = ["node1": "root@10.1.0.1", "node2": "root@10.1.0.2", "node3": "root@10.1.0.3"]
        for line in ssh {
            let node = try #require(at.keys.first { line.contains("zlogin '\($0)' ") }, "\(line)")
            #expect(line.hasPrefix("ssh \(at[node] ?? "") zlogin '\(node)' "), "\(line)")
        }
        func first(_ text: String) -> Int? { DeployScriptTests.first(text, in: ssh) }
        let stop = try #require(first("root@10.1.0.1 zlogin 'node1' '/usr/sbin/svcadm' 'disable' '-t' '\(Self.service):node1'"))
        let setprops = ssh.indices.filter { ssh[$0].contains("setprop config/primary = astring: node2") }
        #expect(setprops.map { ssh[$0].split(separator: " ")[1] } == ["root@10.1.0.1", "root@10.1.0.2", "root@10.1.0.3"])
        let promote = try #require(first("root@10.1.0.2 zlogin 'node2' '/usr/sbin/svcadm' 'refresh' '\(Self.service):node2'"))
        let promoted = try #require(first("pg_controldata /var/pgha/postgres/node2/data"))
        let repoint = try #require(first("root@10.1.0.3 zlogin 'node3' '/usr/sbin/svcadm' 'refresh' '\(Self.service):node3'"))
        let streams = try #require(ssh.lastIndex { $0.contains("zlogin 'node2' ") && $0.contains("pg_stat_replication") })
        #expect(stop < (setprops.first ?? 0) && (setprops.last ?? .max) < promote)
        #expect(promote < promoted && promoted < repoint && repoint < streams)
        #expect(!ssh.contains { $0.contains("refresh' '\(Self.service):node1") })
        // The host's shell handed zlogin the command as failover.sh wrote it:
        // the password file read in the zone, the SQL in its double quotes.
        let beta = site.lines(site.host("beta") + "/calls")
        #expect(beta.contains { $0.hasPrefix("zlogin node2 PGPASSWORD=$(cat /etc/pgha/secrets/superuser-password) ")
                && $0.hasSuffix("-c \"select count(*) from pg_stat_replication where state = 'streaming'\"") })
        #expect(beta.contains("zlogin node2 /usr/sbin/svccfg -s \(Self.service) setprop config/primary = astring: node2 "
                              + "&& /usr/sbin/svccfg -s \(Self.service) setprop config/primary_address = net_address: 10.1.1.12"))
        #expect(run.stdout.contains("1 standby(s) stream from node2"))
    }

    @Test func positionsReachEveryHostWithTheSqlIntact() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.run("deploy-hosts.sh").succeeded)
        let run = try site.run("failover.sh", ["positions"])
        #expect(run.succeeded, "\(run.stderr)")
        #expect(run.stdout == "node1\t0/3000148\nnode2\t0/3000148\nnode3\t0/3000148\n", "\(run.stdout)")
        // The single quotes of the SQL survived the host's shell.
        let gamma = site.lines(site.host("gamma") + "/calls")
        #expect(gamma.contains { $0.hasPrefix("zlogin node3 ") && $0.contains("coalesce(pg_last_wal_receive_lsn()::text, 'primary')") })
    }

    /// PGHA_ZLOGIN still replaces the way into a zone, ssh included: here
    /// the zlogin stand-in with alpha's zones only.
    @Test func pghaZloginReplacesSshAndZlogin() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.run("deploy-hosts.sh").succeeded)
        let alpha = site.host("alpha")
        try? FileManager.default.removeItem(atPath: alpha + "/calls")
        let zlogin = Fixtures.path("Tests/ClusterTests/IllumosShims/zlogin")
        let run = try site.run("failover.sh", ["positions"], on: nil, ["PGHA_ZLOGIN": zlogin, "SHIM_STATE": alpha])
        #expect(run.succeeded, "\(run.stderr)")
        #expect(run.stdout == "node1\t0/3000148\nnode2\tunreachable\nnode3\tunreachable\n", "\(run.stdout)")
        let calls = site.lines(alpha + "/calls")
        #expect(calls.count == 3 && calls.allSatisfy { $0.hasPrefix("zlogin node") }, "\(calls)")
    }

    @Test func failoverAfterLosingThePrimarysHostPromotesAStandby() throws {
        let site = try Self.site()
        defer { site.remove() }
        #expect(try site.run("deploy-hosts.sh").succeeded)
        // alpha is gone: ssh cannot reach it.
        try FileManager.default.removeItem(atPath: site.host("alpha"))
        let run = try site.run("failover.sh", ["node2"], on: nil, ["SHIM_STREAMING": "1"])
        #expect(run.succeeded, "failover.sh failed: \(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("failover: the old primary's zone node1 does not answer"))
        #expect(run.stdout.contains("failover: node1 does not answer: set its config/primary to node2 before it starts again"))
        #expect(run.stdout.contains("failover: node2 is the primary"))
        #expect(site.lines(site.host("gamma") + "/calls").contains("zlogin node3 /usr/sbin/svcadm refresh \(Self.service):node3"))
    }
}
