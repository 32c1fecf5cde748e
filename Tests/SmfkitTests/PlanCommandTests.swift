import Foundation
import TestSupport
import SMF
import Testing

/// `smfkit plan` run as a user runs it, on what `smfkit generate` wrote.
@Suite struct PlanCommandTests {
    static func generated() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appending(path: "smfkit-plan-cli-\(UUID().uuidString)").path
        let run = try Command.run(E2EPrerequisites.smfkit, ["generate", E2EPrerequisites.example, "--out", directory], timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        return directory
    }

    func plan(_ arguments: [String]) throws -> ProcessRun {
        try Command.run(E2EPrerequisites.smfkit, ["plan"] + arguments, timeout: 60)
    }

    @Test func jsonPlanOfAGeneratedNodeIsInDependencyOrder() throws {
        let directory = try Self.generated()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try plan([directory, "--node", "node2", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let entries = try JSONDecoder().decode([PlanEntry].self, from: Data(run.stdout.utf8))
        #expect(entries.map(\.fmri) == ["svc:/network/pgha/etcd:node2", "svc:/database/pgha/patroni:node2", "svc:/network/pgha/haproxy:node2"])
        let etcd = try #require(entries.first)
        #expect(etcd.exec.hasPrefix("env ETCD_NAME=node2 ETCD_DATA_DIR=/tmp/smfkit-loopback/data/etcd/node2 "))
        #expect(etcd.environment["SMF_FMRI"] == "svc:/network/pgha/etcd:node2")
        #expect(!entries.contains { $0.exec.contains("%{") }, "every token is expanded")
        // The same input gives the same bytes.
        #expect(try plan([directory, "--node", "node2", "--format", "json"]).stdout == run.stdout)
    }

    @Test func zoneOptionSetsSMFZoneName() throws {
        let directory = try Self.generated()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let inZone = try plan([directory, "--node", "node3", "--zone", "node3", "--format", "json"])
        #expect(inZone.status == 0, "\(inZone.stderr)")
        let entries = try JSONDecoder().decode([PlanEntry].self, from: Data(inZone.stdout.utf8))
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0.environment["SMF_ZONENAME"] == "node3" })
        let global = try plan([directory, "--node", "node3", "--zone", "global", "--format", "json"])
        let inGlobal = try JSONDecoder().decode([PlanEntry].self, from: Data(global.stdout.utf8))
        #expect(inGlobal.allSatisfy { $0.environment["SMF_ZONENAME"] == "global" })
    }

    /// Issue 19: generate's deploy.sh runs each node in a zone named after
    /// it, so that is the default for a generated directory; XML files
    /// named one by one say nothing of zones.
    @Test func aGeneratedDirectoryDefaultsTheZoneToTheNode() throws {
        let directory = try Self.generated()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let generated = try plan([directory, "--node", "node3", "--format", "json"])
        let inZone = try JSONDecoder().decode([PlanEntry].self, from: Data(generated.stdout.utf8))
        #expect(!inZone.isEmpty && inZone.allSatisfy { $0.environment["SMF_ZONENAME"] == "node3" })
        let files = try plan([directory + "/manifests/etcd.xml", "--node", "node3", "--format", "json"])
        let global = try JSONDecoder().decode([PlanEntry].self, from: Data(files.stdout.utf8))
        #expect(!global.isEmpty && global.allSatisfy { $0.environment["SMF_ZONENAME"] == "global" })
    }

    @Test func textPlanNamesEachInstance() throws {
        let directory = try Self.generated()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try plan([directory + "/manifests/etcd.xml", "--node", "node1"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("1. svc:/network/pgha/etcd:node1\n"))
    }

    @Test func unknownNodeExitsOne() throws {
        let directory = try Self.generated()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try plan([directory, "--node", "node9"])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("no service has an instance named 'node9'; the manifests define node1, node2, node3"))
        #expect(run.stderr.contains("no service has an instance named 'node9'"))
    }

    @Test func missingInputExitsTwo() throws {
        let run = try plan(["/nonexistent/smfkit-out", "--node", "node1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/smfkit-out: error: no such file or directory"))
    }

    @Test func noInputIsAUsageError() throws {
        #expect(try plan(["--node", "node1"]).status == 2)
    }
}
