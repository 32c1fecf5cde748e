import Foundation
import TestSupport
import Testing

/// The deploying host's scripts of `stack: replication`
/// (Examples/replication.yaml), run for real by /bin/sh against the illumos
/// stand-ins: deploy.sh starts the primary before the standbys and asks the
/// primary whether they stream; failover.sh changes every node's
/// config/primary, then promotes, then repoints.
@Suite struct ReplicationScriptTests {
    @Test func deployStartsThePrimaryFirstAndAsksItForItsStandbys() throws {
        let site = try DeployScriptTests.Site(example: "replication")
        defer { site.remove() }
        let (run, calls) = try site.deploy()
        #expect(run.succeeded, "deploy.sh failed: \(run.stderr)")
        // No etcd: no etcd account, no etcdctl, no store phase.
        #expect(!calls.contains { $0.contains("etcd") })
        let enables = calls.filter { $0.contains("svcadm enable") }
        #expect(enables.map { String($0.split(separator: ":").last ?? "") } == ["node1", "node2", "node3"])
        // The primary is online before any standby is enabled (each clones it).
        let primaryOnline = try #require(DeployScriptTests.first("svcs -H -o state svc:/database/pgha/postgres:node1", in: calls))
        let firstStandby = try #require(DeployScriptTests.first("svcadm enable svc:/database/pgha/postgres:node2", in: calls))
        #expect(primaryOnline < firstStandby)
        // Both passwords reach every node as 0600 files of the service account.
        #expect(calls.filter { $0.contains("chmod 0600 /etc/pgha/secrets/replication-password") }.count == 3)
        // The health check: psql on the primary, over its socket, the password from its file.
        let health = try #require(calls.last { $0.contains("count(*) from pg_stat_replication") })
        #expect(health.hasPrefix("zlogin node1 PGPASSWORD=$(cat /etc/pgha/secrets/superuser-password) "))
        #expect(health.contains("-h /var/pgha/postgres/node1 "))
        #expect(run.stdout.contains("the my-ha-cluster cluster is healthy"))
    }

    @Test func aStandbyThatDoesNotStreamFailsTheHealthCheck() throws {
        let site = try DeployScriptTests.Site(example: "replication")
        defer { site.remove() }
        let (run, _) = try site.deploy(["SHIM_STREAMING": "1"])
        #expect(!run.succeeded)
        #expect(run.stderr.contains("the cluster has no leader with every other node its replica"), "stderr: \(run.stderr)")
    }

    @Test func failoverRepointsEveryNodeThenPromotesThenRefreshesTheOthers() throws {
        let site = try DeployScriptTests.Site(example: "replication")
        defer { site.remove() }
        _ = try site.deploy()
        // node3 alone is repointed (node1, the old primary, is not).
        let (run, calls) = try site.run("failover.sh", ["node2"], ["SHIM_STREAMING": "1"])
        #expect(run.succeeded, "failover.sh failed: \(run.stdout)\(run.stderr)")
        let service = "svc:/database/pgha/postgres"
        let stop = try #require(DeployScriptTests.first("svcadm disable -t \(service):node1", in: calls))
        let setprops = calls.indices.filter {
            calls[$0].contains("setprop config/primary = astring: node2")
                && calls[$0].contains("setprop config/primary_address = net_address: 192.168.0.232")
        }
        #expect(setprops.map { calls[$0].split(separator: " ")[1] } == ["node1", "node2", "node3"])
        let promote = try #require(DeployScriptTests.first("zlogin node2 /usr/sbin/svcadm refresh \(service):node2", in: calls))
        let promoted = try #require(DeployScriptTests.first("pg_controldata /var/pgha/postgres/node2/data", in: calls))
        let repoint = try #require(DeployScriptTests.first("zlogin node3 /usr/sbin/svcadm refresh \(service):node3", in: calls))
        #expect(stop < (setprops.first ?? 0))
        #expect((setprops.last ?? .max) < promote && promote < promoted && promoted < repoint)
        // The old primary is not refreshed: its start method refuses to run as a second primary.
        #expect(!calls.contains { $0.contains("refresh \(service):node1") })
        // Then it asks the new primary whether node3 streams from it.
        let streams = try #require(calls.lastIndex { $0.hasPrefix("zlogin node2 ") && $0.contains("count(*) from pg_stat_replication") })
        #expect(repoint < streams)
        #expect(run.stdout.contains("1 standby(s) stream from node2"))
        #expect(run.stdout.contains("set replication.primary: node2 in the cluster definition and generate again"))
    }

    @Test func failoverFailsWhenTheRepointedStandbyDoesNotStream() throws {
        let site = try DeployScriptTests.Site(example: "replication")
        defer { site.remove() }
        _ = try site.deploy()
        let run = try site.run("failover.sh", ["node3"], ["SHIM_STREAMING": "0"]).run
        #expect(!run.succeeded)
        #expect(run.stderr.contains("not every repointed standby streams from node3"), "\(run.stderr)")
    }

    @Test func failoverRefusesAnUnknownNodeAndTheCurrentPrimary() throws {
        let site = try DeployScriptTests.Site(example: "replication")
        defer { site.remove() }
        let unknown = try site.run("failover.sh", ["node9"]).run
        #expect(!unknown.succeeded && unknown.stderr.contains("no node 'node9'"), "\(unknown.stderr)")
        let current = try site.run("failover.sh", ["node1"]).run
        #expect(!current.succeeded && current.stderr.contains("node1 is already the primary"), "\(current.stderr)")
    }
}

extension DeployScriptTests.Site {
    /// Runs another generated script of the deploying host (`failover.sh`)
    /// against the same stand-ins; `calls` are the zone commands it ran.
    func run(_ script: String, _ arguments: [String], _ extra: [String: String] = [:]) throws
        -> (run: ProcessRun, calls: [String])
    {
        try? FileManager.default.removeItem(atPath: state + "/calls")
        _ = FileManager.default.createFile(atPath: state + "/calls", contents: nil)
        var environment = ["PATH": Fixtures.path("Tests/ClusterTests/IllumosShims") + ":/usr/bin:/bin",
                           "HOME": state, "SHIM_STATE": state, "TRIES": "3"]
        environment.merge(extra) { _, new in new }
        let run = try runProcess(URL(fileURLWithPath: "/bin/sh"), [output + "/" + script] + arguments,
                                 environment: environment, timeout: 60)
        let calls = try String(contentsOfFile: state + "/calls", encoding: .utf8).split(separator: "\n").map(String.init)
        return (run, calls)
    }
}
