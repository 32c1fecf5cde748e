import Foundation
import Testing
@testable import Cluster

/// The fleet of issue 15 (Scripts/bench-fleet gives the release figures):
/// one 5-member etcd definition and 100 three-node patroni definitions
/// that use it, each under its own scope, on 20 hosts (node i of cluster c
/// on host (3c + i) mod 20). Every stage but writing, with a
/// bound generous enough for a debug build on a busy 2-core machine.
@Suite struct FleetGenerationTests {
    @Test func aHundredClustersOnOneEtcdGenerateAndCheckTogether() throws {
        let directory = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var etcd = "cluster: fleet-etcd\nstack: etcd\nhosts:\n"
        for index in 1...5 { etcd += "  - name: host\(4 * (index - 1))\n" }
        etcd += "nodes:\n"
        for index in 1...5 { etcd += "  - name: etcd\(index)\n    address: 10.9.0.\(index)\n    host: host\(4 * (index - 1))\n" }
        try etcd.write(toFile: directory + "/etcd.yaml", atomically: true, encoding: .utf8)
        var paths = [directory + "/etcd.yaml"]
        for cluster in 1...100 {
            let host = { (node: Int) in "host\((3 * cluster + node) % 20)" }
            var text = "cluster: fleet\(cluster)\nstack: patroni\netcd:\n  definition: etcd.yaml\nhosts:\n"
            for node in 1...3 { text += "  - name: \(host(node))\n" }
            text += "nodes:\n"
            for node in 1...3 {
                text += "  - name: fleet\(cluster)-\(node)\n    address: 10.10.\(cluster).\(node)\n    host: \(host(node))\n"
            }
            text += "packaging:\n  package: TRIBblix-fleet\(cluster)\n  overlay: fleet\(cluster)\n"
            try text.write(toFile: "\(directory)/fleet-\(cluster).yaml", atomically: true, encoding: .utf8)
            paths.append("\(directory)/fleet-\(cluster).yaml")
        }
        let pipeline = GenerationPipeline(templates: .standard)
        var generated = 0
        var checked: [CheckedDefinition] = []
        let elapsed = try ContinuousClock().measure {
            for path in paths {
                let load = try DefinitionLoader.load(path: path)
                checked.append(pipeline.check(load))
                if case .generated = pipeline.run(checked[checked.count - 1], sourceName: "fleet.yaml") { generated += 1 }
            }
        }
        #expect(generated == 101)
        #expect(checked.allSatisfy { $0.valid?.hosts.count == ($0.valid?.stack == .etcd ? 5 : 3) })
        #expect(DefinitionChecker.checkTogether(checked).isEmpty)
        #expect(elapsed < .seconds(120), "101 definitions: \(elapsed)")
        // One scope twice on the one etcd is refused.
        var clash = checked
        clash.append(checked[1])
        #expect(DefinitionChecker.checkTogether(clash).map(\.rule) == [SharedEtcdScopeCheck.rule])
    }
}
