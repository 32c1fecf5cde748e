import Testing
import Cluster

/// Generation of one large cluster, every stage but writing: 5 etcd members
/// and 1,000 PostgreSQL-role nodes. Scripts/bench-fleet gives the release
/// figures; here the bounds are generous, for a debug build on a busy
/// 2-core machine, and catch what grows faster than the nodes.
@Suite struct LargeClusterGenerationTests {
    static func definition(postgresNodes count: Int) -> String {
        var text = "cluster: large\nstack: patroni\nnodes:\n"
        for index in 1...5 { text += "  - name: etcd\(index)\n    address: 10.1.0.\(index)\n    roles: [etcd]\n" }
        for index in 1...count {
            text += "  - name: pg\(index)\n    address: 10.2.\(index / 250).\(index % 250 + 1)\n    roles: [postgres]\n"
        }
        return text
    }

    static func generate(postgresNodes count: Int) -> (Duration, Int) {
        let pipeline = GenerationPipeline(templates: .standard)
        var files = 0
        let elapsed = ContinuousClock().measure {
            if case .generated(let cluster) = pipeline.run(definitionText: definition(postgresNodes: count), file: "large.yaml") {
                files = cluster.files.count
            }
        }
        return (elapsed, files)
    }

    @Test func aThousandPostgresNodesGenerateInLinearTime() {
        let (small, smallFiles) = Self.generate(postgresNodes: 100)
        let (large, largeFiles) = Self.generate(postgresNodes: 1_000)
        // Every node has its profile: the output grows with the nodes.
        #expect(smallFiles > 100 && largeFiles > 1_000, "\(smallFiles), \(largeFiles) files")
        // Ten times the nodes: about ten times the time; quadratic growth
        // would be a hundred.
        #expect(large < small * 30, "100 nodes: \(small), 1,000 nodes: \(large)")
        #expect(large < .seconds(120), "1,000 nodes: \(large)")
    }
}
