import Cluster
import Diagnostics
import Testing

@Suite struct ExampleDefinitionsTests {
    @Test(arguments: ["Examples/patroni.yaml", "Examples/stolon.yaml", "Examples/etcd.yaml", "Examples/loopback-patroni.yaml",
                      "Examples/loopback-etcd.yaml", "Examples/replication.yaml", "Examples/loopback-replication.yaml",
                      "Examples/three-host-patroni.yaml", "Examples/three-host-replication.yaml",
                      "Examples/loopback-shared-etcd/orders.yaml", "Examples/loopback-shared-etcd/billing.yaml"])
    func examplePassesEveryCheck(_ relative: String) throws {
        let result = try DefinitionChecker.check(DefinitionLoader.load(path: Fixtures.path(relative)))
        // stolon's package is one Tribblix removed: the one warning the example must give.
        #expect(result.diagnostics.map(\.rule) == (relative.contains("stolon") ? ["cluster.tribblix.package"] : []))
        #expect(!result.diagnostics.contains { $0.severity == .error })
        #expect(result.isValid)
    }

    @Test func patroniExampleIsTheWalkThrough() throws {
        let loaded = try #require(try DefinitionLoader.load(path: Fixtures.path("Examples/patroni.yaml")).loaded)
        let definition = loaded.definition
        #expect(definition.cluster == "my-ha-cluster")
        #expect(definition.stack == .patroni)
        #expect(definition.nodes.map(\.name) == ["node1", "node2", "node3"])
        #expect(definition.nodes.map(\.address) == ["192.168.0.231", "192.168.0.232", "192.168.0.233"])
        #expect(definition.etcd == EtcdSettings(token: "pg-cluster-1", clientPort: 2379, peerPort: 2380))
        #expect(definition.haproxy.statsPort == 7000)
        #expect(definition.users.etcd == ServiceUser(name: "etcd", uid: 11798, group: "etcd", gid: 11798))
        #expect(definition.users.postgres == ServiceUser(name: "pguser", uid: 11799, group: "pguser", gid: 11799))
        #expect(definition.paths.etcd == "/opt/tribblix/etcd/bin/etcd")
        #expect(definition.paths.postgresBin == "/opt/tribblix/postgres17/bin")
        #expect(loaded.sourceMap.location(of: "nodes[1].address").description.hasSuffix("patroni.yaml:11:14"))
    }

    @Test func stolonExampleIsTheWalkThrough() throws {
        let loaded = try #require(try DefinitionLoader.load(path: Fixtures.path("Examples/stolon.yaml")).loaded)
        let definition = loaded.definition
        #expect(definition.stack == .stolon)
        #expect(definition.stolon == StolonSettings(clusterName: "stolon-cluster", proxyPort: 25432))
        #expect(definition.nodes.map(\.keeperID) == ["postgres0", "postgres1", "postgres2"])
        #expect(definition.postgres.replicationUser == "repluser")
        #expect(definition.etcd.token == "pg-cluster-1")
    }

    @Test func loopbackExampleUsesDebiansBinaries() throws {
        let loaded = try #require(try DefinitionLoader.load(path: Fixtures.path("Examples/loopback-patroni.yaml")).loaded)
        let definition = loaded.definition
        #expect(definition.nodes.map(\.address) == ["127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"])
        // The roles split: etcd on node1-node3, PostgreSQL on node1, node2 and node4.
        #expect(definition.etcdMembers.map(\.name) == ["node1", "node2", "node3"])
        #expect(definition.nodes(running: .postgres).map(\.name) == ["node1", "node2", "node4"])
        #expect(definition.paths.etcd == "/usr/bin/etcd")
        #expect(definition.paths.patroni == "/usr/bin/patroni")
        #expect(definition.paths.haproxy == "/usr/sbin/haproxy")
        #expect(definition.paths.postgresBin == "/usr/lib/postgresql/15/bin")
        #expect(definition.postgres.version == 15)
        #expect(definition.users.postgres.name == "postgres")
        // Each node's haproxy binds to its own address, so they share one host.
        #expect(definition.haproxy.bindAddress == nil)
    }
}
