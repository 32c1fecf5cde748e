import Diagnostics
import Foundation
import Testing
@testable import Cluster

/// docs/templates.md promises that adding a daemon is adding a file. Here a
/// pgbouncer beside haproxy exists only in a temporary `--templates`
/// directory: it is generated, packaged, validated, checked for port
/// conflicts and drawn, with no Swift naming it.
@Suite struct DaemonAsDataTests {
    static let pgbouncer = """
        kind: pgbouncer
        stacks: [patroni]
        service: application/pgha/pgbouncer
        common_name: pgbouncer pooling connections to {{cluster}}
        description: Pools client connections to this node's PostgreSQL.
        packages: [TRIBblix-pgbouncer]
        user: postgres
        duration: child
        working_directory: "{{paths.data}}"
        listeners:
          - purpose: pooled clients
            port: 6432
        directories:
          - path: "{{paths.data}}/pgbouncer"
            mode: "0700"
        connections:
          clients:
            - to: patroni
              on: same-node
              label: "PostgreSQL :{{postgres.port}}"
          applications: "{{node.address}}:6432 pooled"
        dependencies:
          - name: network
            fmri: svc:/milestone/network:default
          - name: patroni
            fmri: "svc:/database/pgha/patroni:{{node.name}}"
            per_node: true
            grouping: optional_all
        methods:
          - name: start
            exec: "%{config/pgbouncer} %{config/config_file}"
            timeout: 60
          - name: stop
            exec: ":kill"
            timeout: 60
        files:
          - template: pgbouncer.ini.mustache
            output: config/pgbouncer.ini
            install: "{{paths.config}}/pgbouncer.ini"
        properties:
          - name: pgbouncer
            type: astring
            value: /opt/tribblix/pgbouncer/bin/pgbouncer
            common_name: pgbouncer binary
            description: Absolute path of the pgbouncer executable.
          - name: config_file
            type: astring
            value: "{{paths.config}}/pgbouncer.ini"
            common_name: Configuration file
            description: pgbouncer.ini.

        """

    static let ini = """
        [databases]
        * = port={{postgres.port}}
        [pgbouncer]
        listen_addr = *
        listen_port = 6432
        auth_user = {{postgres.superuser}}

        """

    /// A copy of Templates/ with pgbouncer added.
    static func templates() throws -> TemplateSet {
        let directory = try Generated.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.path("Templates/services"), toPath: directory + "/services")
        try FileManager.default.copyItem(atPath: Fixtures.path("Templates/files"), toPath: directory + "/files")
        try pgbouncer.write(toFile: directory + "/services/pgbouncer.yaml", atomically: true, encoding: .utf8)
        try ini.write(toFile: directory + "/files/pgbouncer.ini.mustache", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try TemplateSet.load(directory: directory)
    }

    @Test func aTemplateAloneAddsTheDaemonToGenerationAndPackaging() throws {
        let pipeline = GenerationPipeline(templates: try Self.templates())
        let outcome = try pipeline.run(definitionPath: Fixtures.path("Examples/patroni.yaml"))
        guard case .generated(let verified) = outcome else {
            Issue.record("not generated (the verify stage validates every manifest): \(outcome)")
            return
        }
        let files = Dictionary(uniqueKeysWithValues: verified.files.map { ($0.path, $0.contents) })
        let manifest = try #require(files["manifests/pgbouncer.xml"])
        #expect(manifest.contains("<service name=\"application/pgha/pgbouncer\""))
        #expect(files["packages/pkgmk/var/svc/manifest/application/pgbouncer.xml"] == manifest)
        #expect(files["config/pgbouncer.ini"]?.contains("* = port=5432") == true)
        #expect(files["packages/pkgmk/prototype"]?.contains("var/pgha/pgbouncer 0700 pguser pguser") == true)
        #expect(files["packages/pkgmk/install/depend"]?.contains("TRIBblix-pgbouncer") == true)
        // Its package in the overlay, dependencies before ours; no SERVICE= lines.
        #expect(files["overlays/pgha.pkgs"] == "TRIBblix-pgbouncer\nTRIBblix-pgha\n")
        #expect(files["overlays/pgha.ovl"]?.contains("SERVICE=") == false)
        #expect(files["profiles/node2.xml"]?.contains("application/pgha/pgbouncer") == true)
        // After patroni, which each node's pgbouncer depends on.
        let order = try #require(files["deploy.sh"])
        #expect(order.range(of: "database/pgha/patroni:node1")?.lowerBound ?? order.endIndex
                < order.range(of: "pgbouncer:node1")?.lowerBound ?? order.startIndex)
    }

    @Test func itsListenerIsCheckedForPortConflicts() throws {
        let clash = validHead + "postgres:\n  port: 6432\n"
        let withBouncer = DefinitionChecker.check(DefinitionLoader.load(text: clash, file: "t.yaml"),
                                                  templates: try Self.templates())
        let conflicts = withBouncer.diagnostics.filter { $0.rule == "cluster.port.conflict" }
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.message.contains("'postgres.port' is 6432, the same as 'pgbouncer pooled clients port'") == true)
        #expect(conflicts.first?.location.description == "t.yaml:11:9")
        let builtIn = DefinitionChecker.check(DefinitionLoader.load(text: clash, file: "t.yaml"), templates: .standard)
        #expect(builtIn.diagnostics.filter { $0.rule == "cluster.port.conflict" }.isEmpty)
    }

    @Test func itIsDrawnInTheTopologyWithItsListener() throws {
        let loaded = try #require(try DefinitionLoader.load(path: Fixtures.path("Examples/patroni.yaml")).loaded)
        let topology = try TopologyBuilder.topology(of: loaded.definition, templates: try Self.templates())
        let daemon = try #require(topology.hosts.first?.zones.first?.daemons.first { $0.kind == "pgbouncer" })
        #expect(daemon.listeners.map(\.port) == [6432])
        #expect(daemon.instanceFMRI == "svc:/application/pgha/pgbouncer:node1")
        let drawn = topology.connections.filter { $0.from == daemon.instanceFMRI || $0.to == daemon.instanceFMRI }
        #expect(drawn.map(\.to).contains("svc:/database/pgha/patroni:node1"))
        #expect(drawn.contains { $0.from == ClusterTopology.clients && $0.label == "192.168.0.231:6432 pooled" })
    }
}
