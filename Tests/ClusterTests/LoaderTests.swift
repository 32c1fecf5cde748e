import Cluster
import Testing

@Suite struct LoaderTests {
    @Test func defaultsFillWhatTheFileLeavesOut() throws {
        let loaded = try #require(DefinitionLoader.load(text: validHead, file: "t.yaml").loaded)
        let definition = loaded.definition
        let defaults = ClusterDefinition(cluster: "", stack: .patroni, nodes: [])
        #expect(definition.etcd == defaults.etcd)
        #expect(definition.etcd.clientPort == 2379)
        #expect(definition.patroni == defaults.patroni)
        #expect(definition.users == defaults.users)
        #expect(definition.users.haproxy == ServiceUser(name: "haproxy", uid: 126, group: "haproxy", gid: 126))
        #expect(definition.paths == defaults.paths)
        #expect(definition.paths.postgresBin == "/opt/tribblix/postgres17/bin")
        #expect(definition.nodes.map(\.keeperID) == ["postgres0", "postgres1", "postgres2"])
    }

    @Test func postgresBinFollowsTheMajorVersionUnlessGiven() throws {
        let versioned = try #require(DefinitionLoader.load(text: validHead + "postgres:\n  version: 16\n", file: "t").loaded)
        #expect(versioned.definition.paths.postgresBin == "/opt/tribblix/postgres16/bin")
        let placed = validHead + "postgres:\n  version: 16\npaths:\n  postgres_bin: /usr/pgsql/bin\n"
        #expect(try #require(DefinitionLoader.load(text: placed, file: "t").loaded).definition.paths.postgresBin
                == "/usr/pgsql/bin")
    }

    @Test func groupAndGidDefaultToNameAndUid() throws {
        let text = validHead + "users:\n  haproxy:\n    name: lb\n    uid: 4000\n  etcd:\n    name: e\n    uid: 1\n    group: kv\n    gid: 2\n"
        let users = try #require(DefinitionLoader.load(text: text, file: "t").loaded).definition.users
        #expect(users.haproxy == ServiceUser(name: "lb", uid: 4000, group: "lb", gid: 4000))
        #expect(users.etcd == ServiceUser(name: "e", uid: 1, group: "kv", gid: 2))
    }

    @Test func everyValueKeepsItsPosition() throws {
        let text = validHead + "etcd:\n  token: 'quoted'\n  client_port: 2379\n"
        let map = try #require(DefinitionLoader.load(text: text, file: "t.yaml").loaded).sourceMap
        #expect(map.location(of: "cluster").description == "t.yaml:1:10")
        #expect(map.location(of: "nodes[2].address").description == "t.yaml:9:14")
        #expect(map.location(of: "etcd.token").description == "t.yaml:11:10")
        #expect(map.verbatimStarts["etcd.token"]?.description == "t.yaml:11:11")
        #expect(map.keys["etcd.client_port"]?.description == "t.yaml:12:3")
        // Defaulted values point at their nearest written parent.
        #expect(map.location(of: "etcd.peer_port").description == "t.yaml:11:3")
        #expect(map.location(of: "patroni.ttl").description == "t.yaml:1:1")
    }

    @Test func anchorsAndAliasesWithinTheLimitWork() throws {
        let text = validHead + "users:\n  etcd: &shared\n    name: svc\n    uid: 5000\n  haproxy: *shared\n"
        let users = try #require(DefinitionLoader.load(text: text, file: "t").loaded).definition.users
        #expect(users.etcd == users.haproxy)
        #expect(users.haproxy.name == "svc")
    }

    @Test func anUnreadableFileIsAFileErrorNotADiagnostic() {
        #expect(throws: DefinitionFileError.self) { try DefinitionLoader.load(path: "/nonexistent/cluster.yaml") }
        #expect(throws: DefinitionFileError.self) { try DefinitionLoader.load(path: "/") }
    }

    @Test func keySuggestionsFoldCaseAndDashes() throws {
        for key in ["clientPort", "client-port", "clint_port"] {
            let diagnostic = try #require(diagnostics(validHead + "etcd:\n  \(key): 1\n").first)
            #expect(diagnostic.message.hasSuffix("did you mean 'client_port'?"))
        }
        let unrelated = try #require(diagnostics(validHead + "etcd:\n  colour: 1\n").first)
        #expect(unrelated.message.contains("expected one of: token, client_port, peer_port"))
    }

    @Test func aTabIsNamedInTheSyntaxError() throws {
        let diagnostic = try #require(diagnostics(validHead + "etcd:\n\ttoken: x\n").first)
        #expect(diagnostic.message.contains("a tab"))
    }
}
