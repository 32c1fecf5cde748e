import Testing
@testable import Cluster

/// The key table is the one declaration of each key: these tests hold the
/// things derived from it to it.
@Suite struct DefinitionKeysTests {
    /// Every key reaches templates under its YAML path — the drift issue 12
    /// found (`haproxy.bind_address`, `packaging.overlay_version` missing
    /// from the context) cannot come back.
    @Test func templatesSeeEveryKeyUnderItsPath() {
        let shape = ContextShape.templates
        for key in DefinitionKeys.all {
            #expect(shape.lookUp(key.path) != nil, "templates do not see \(key.path)")
            if key.kind == .account {
                for field in AccountKeys.all {
                    #expect(shape.lookUp("\(key.path).\(field.name)") != nil, "templates do not see \(key.path).\(field.name)")
                }
            }
        }
        for field in NodeKeys.all {
            #expect(shape.lookUp("node.\(field.name)") != nil, "templates do not see node.\(field.name)")
        }
    }

    /// The roles a template may name are the account keys of `users:`.
    @Test func theRolesAreTheAccountKeys() throws {
        let accounts = DefinitionKeys.of(.account).map(\.name)
        #expect(ServiceRole.allCases.map(\.rawValue) == accounts)
        #expect(accounts == ["etcd", "postgres", "haproxy"])
        #expect(ServiceRole(rawValue: "pgbouncer") == nil)
        let definition = ClusterDefinition(cluster: "c", stack: .patroni, nodes: [])
        #expect(definition.account(for: try #require(ServiceRole(rawValue: "haproxy"))).uid == 126)
        #expect(definition.account(for: .postgres) == definition.users.postgres)
    }

    /// Each key is declared once, and every mapping's keys are the table's.
    @Test func pathsAreUniqueAndSectionsComeFromThem() {
        let paths = DefinitionKeys.all.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(DefinitionKeys.keys(in: "etcd") == ["token", "client_port", "peer_port", "heartbeat_interval", "election_timeout",
                                                     "endpoints", "ca_dir", "definition"])
        #expect(DefinitionKeys.keys(in: "").prefix(3) == ["cluster", "stack", "nodes"])
    }

    /// A key of a checked kind is checked without being listed in the check:
    /// every port key is range-checked, every path key shape-checked, every
    /// text key searched for unsafe characters.
    @Test func checksFollowTheKinds() {
        let definition = ClusterDefinition(cluster: "c", stack: .patroni, nodes: [])
        #expect(Set(definition.ports.map(\.path)) == Set(DefinitionKeys.of(.port).map(\.path)))
        // tls.ca_dir is optional: checked when written.
        var withCA = definition
        withCA.tls.caDirectory = "/var/opt/ca"
        withCA.etcd.caDirectory = "/var/opt/etcd-ca"
        // A derived path still at the value it follows (paths.postgres_data
        // = <paths.data>/postgres) is checked through the key it follows.
        #expect(Set(withCA.filePaths.map(\.path))
            == Set(DefinitionKeys.of(.path, .secretPath).filter { !$0.holdsDerivedDefault(in: withCA) }.map(\.path)))
        var placed = withCA
        placed.paths.postgresData = "/pgdata"
        #expect(placed.filePaths.contains { $0.path == "paths.postgres_data" })
        #expect(!definition.filePaths.contains { $0.path == "tls.ca_dir" })
        var withBind = definition
        withBind.haproxy.bindAddress = "::"
        #expect(withBind.stringValues.contains { $0.path == "haproxy.bind_address" })
        #expect(!definition.stringValues.contains { $0.path == "haproxy.bind_address" })
    }

    /// A key declared as `.setting` has no Swift field: the loader reads it
    /// with its position, defaults fill it, and templates see it.
    @Test func aKeyWithoutAFieldIsReadDefaultedAndSeen() throws {
        let written = try #require(DefinitionLoader.load(text: validHead + "haproxy:\n  rise: 5\n", file: "t.yaml").loaded)
        #expect(written.definition.value(at: "haproxy.rise") as? Int == 5)
        #expect(written.sourceMap.location(of: "haproxy.rise").description == "t.yaml:11:9")
        let context = TemplateContext(written.definition)
        #expect((context.base["haproxy"] as? [String: Any])?["rise"] as? Int == 5)
        let defaulted = try #require(DefinitionLoader.load(text: validHead, file: "t.yaml").loaded)
        #expect(defaulted.definition.value(at: "haproxy.rise") as? Int == 1)
        #expect(defaulted.definition.positiveValues.contains { $0.path == "haproxy.rise" && $0.value == 1 })
    }
}
