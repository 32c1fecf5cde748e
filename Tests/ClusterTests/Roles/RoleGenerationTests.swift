import Testing
@testable import Cluster
import SMF

/// What a node's roles change in the generated files: instances, profiles,
/// the etcd member lists, haproxy's backends, certificates and deploy.sh.
@Suite struct RoleGenerationTests {
    static func files(_ text: String) throws -> [String: String] {
        let checked = DefinitionChecker.check(DefinitionLoader.load(text: text, file: "split.yaml"))
        let definition = try #require(checked.valid, "\(checked.diagnostics)")
        let translated = try Translator(definition: definition, templates: .standard, sourceName: "split.yaml").translate()
        return Dictionary(uniqueKeysWithValues: ClusterRenderer.render(translated).files.map { ($0.path, $0.contents) })
    }

    static func instances(_ manifest: String) -> [String] {
        manifest.matches(of: /<instance name="([^"]+)"/).map { String($0.output.1) }
    }

    @Test func eachServiceHasInstancesOnTheNodesOfItsRole() throws {
        let files = try Self.files(NodeRoleCheckTests.split)
        #expect(Self.instances(try #require(files["manifests/etcd.xml"])) == ["node1", "node2", "node3"])
        #expect(Self.instances(try #require(files["manifests/patroni.xml"])) == ["node1", "node2", "node4"])
        #expect(Self.instances(try #require(files["manifests/haproxy.xml"])) == ["node1", "node2", "node4"])
        let node3 = try #require(files["profiles/node3.xml"])
        #expect(node3.contains("network/pgha/etcd") && !node3.contains("patroni") && !node3.contains("haproxy"))
        let node4 = try #require(files["profiles/node4.xml"])
        #expect(!node4.contains("etcd") && node4.contains("database/pgha/patroni") && node4.contains("network/pgha/haproxy"))
    }

    @Test func onlyMembersAreInTheEtcdListsAndOthersAreClients() throws {
        let files = try Self.files(NodeRoleCheckTests.split)
        let etcd = try #require(files["manifests/etcd.xml"])
        #expect(etcd.contains(#"name="members" type="astring" value="node1=10.0.0.1,node2=10.0.0.2,node3=10.0.0.3""#))
        let patroni = try #require(files["manifests/patroni.xml"])
        #expect(patroni.contains(#"name="etcd_addresses" type="astring" value="10.0.0.1,10.0.0.2,10.0.0.3""#))
        // node4's patroni has no etcd of its own to wait for; node1's does.
        func instance(_ name: String) -> Substring? {
            patroni.split(separator: "<instance name=\"\(name)\"").last?.split(separator: "</instance>").first
        }
        #expect(try #require(instance("node1")).contains("svc:/network/pgha/etcd:node1"))
        #expect(try #require(instance("node4")).contains("svc:/network/pgha/etcd") == false)
    }

    @Test func haproxyBalancesThePostgresNodesOnly() throws {
        let config = try #require(try Self.files(NodeRoleCheckTests.split)["config/haproxy.cfg"])
        let servers = config.matches(of: #/server (node\d) /#).map { String($0.output.1) }
        #expect(servers == ["node1", "node2", "node4", "node1", "node2", "node4"])
    }

    @Test func certificatesNameTheProxyAddressesAndGoWhereTheRolesAre() throws {
        let script = try #require(try Self.files(NodeRoleCheckTests.split)["tls/certificates.sh"])
        // Clients dial haproxy on node1, node2 and node4; node3 runs none.
        #expect(script.contains("leaf node3 serverAuth,clientAuth IP:10.0.0.3,DNS:node3,IP:10.0.0.1,IP:10.0.0.2,IP:10.0.0.4\n"))
        let node3 = try #require(script.split(separator: "    node3)").last?.split(separator: ";;").first)
        #expect(node3.contains("/tls/node3/etcd/node.key") && !node3.contains("haproxy") && !node3.contains("/postgres/node3"))
        let node4 = try #require(script.split(separator: "    node4)").last?.split(separator: ";;").first)
        #expect(!node4.contains("/etcd") && node4.contains("haproxy.pem") && node4.contains("/postgres/node4/tls/node.key"))
    }

    @Test func deployAsksAMemberForEtcdAndAPostgresNodeForPatroni() throws {
        let deploy = try #require(try Self.files(NodeRoleCheckTests.split.replacingOccurrences(
            of: "  - name: node1\n    address: 10.0.0.1\n", with: "  - name: node1\n    address: 10.0.0.1\n    roles: [postgres]\n")
            .replacingOccurrences(of: "address: 10.0.0.3\n    roles: [etcd]", with: "address: 10.0.0.3\n    roles: [etcd, postgres]")
            .replacingOccurrences(of: "  - name: node4", with: "  - name: node5\n    address: 10.0.0.5\n    roles: [etcd]\n  - name: node4"))["deploy.sh"])
        let etcdctl = try #require(deploy.split(separator: "etcdctl_on_first_node() {\n").last?.split(separator: "\n").first)
        #expect(etcdctl.hasPrefix("    zlogin node2 "))
        let patronictl = try #require(deploy.split(separator: "patronictl_on_first_node() {\n").last?.split(separator: "\n").first)
        #expect(patronictl.hasPrefix("    zlogin node1 "))
        // One leader and the three other PostgreSQL nodes its replicas.
        #expect(deploy.contains("patroni_members_healthy 4\n"))
        #expect(!deploy.contains("install_secret node5") && !deploy.contains("ensure_user node1 etcd"))
    }

    @Test func withoutRolesEveryNodeRunsEverything() throws {
        let files = try Self.files(validHead)
        for manifest in ["etcd", "patroni", "haproxy"] {
            #expect(Self.instances(try #require(files["manifests/\(manifest).xml"])) == ["node1", "node2", "node3"])
        }
    }
}
