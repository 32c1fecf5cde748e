import Testing
@testable import Cluster
import Tribblix

/// Packages and overlays follow the roles: a zone is created with the
/// overlay of its node's set of roles, which brings those roles' daemons
/// only; the cluster's package (the same in every zone) requires only what
/// every zone has.
@Suite struct RoleOverlayTests {
    static func lintProblems(_ files: [String: String]) -> [String] {
        files.filter { $0.key.hasPrefix("overlays/") || $0.key.hasPrefix("packages/TRIBblix-pgha/") }
            .flatMap { path, text in TribblixLint.lint(text: text, path: path) ?? [] }
            .map { "\($0.location.file):\($0.location.line): \($0.message) [\($0.rule)]" }
    }

    @Test func anEtcdOnlyZoneGetsNoPostgreSQL() throws {
        let files = try RoleGenerationTests.files(NodeRoleCheckTests.split)
        let overlays = files.keys.filter { $0.hasPrefix("overlays/") }.sorted()
        #expect(overlays == ["overlays/catalog", "overlays/pgha-etcd.ovl", "overlays/pgha-etcd.pkgs",
                             "overlays/pgha-postgres-proxy.ovl", "overlays/pgha-postgres-proxy.pkgs",
                             "overlays/pgha.ovl", "overlays/pgha.pkgs"])
        #expect(files["overlays/pgha-etcd.pkgs"] == "TRIBblix-etcd\nTRIBblix-pgha\n")
        // Tribblix's patroni overlay would bring PostgreSQL: etcd-only zones do not require it.
        #expect(files["overlays/pgha-etcd.ovl"]?.contains("REQUIRES=patroni") == false)
        #expect(files["overlays/pgha-postgres-proxy.ovl"]?.contains("REQUIRES=patroni") == true)
        #expect(files["overlays/catalog"] == "pgha-etcd|1||\npgha-postgres-proxy|1||\npgha|1||\n")
        // No daemon runs in every zone, so the package requires none.
        #expect(files["packages/TRIBblix-pgha/depend"] == nil)
        #expect(Self.lintProblems(files).filter { $0.contains("overlays/") } == [])

        let deploy = try #require(files["deploy.sh"])
        #expect(deploy.contains("ZONE_OVERLAYS=\"pgha pgha-etcd pgha-postgres-proxy\"\n"))
        #expect(deploy.contains("    ensure_zone node3 10.0.0.3 pgha-etcd\n    check_overlay node3 pgha-etcd\n"))
        #expect(deploy.contains("    ensure_zone node4 10.0.0.4 pgha-postgres-proxy\n"))
        #expect(deploy.contains("    ensure_zone node1 10.0.0.1 pgha\n"))
    }

    @Test func withoutRolesOneOverlayAndThePackageRequiresEveryDaemon() throws {
        let files = try RoleGenerationTests.files(validHead)
        #expect(files.keys.filter { $0.hasPrefix("overlays/") }.sorted()
            == ["overlays/catalog", "overlays/pgha.ovl", "overlays/pgha.pkgs"])
        #expect(files["packages/TRIBblix-pgha/depend"]
            == "P TRIBblix-etcd\nP TRIBblix-postgres17\nP TRIBpatroni-python-313\nP TRIBblix-haproxy2\n")
    }

    @Test func etcdOnlyNodesGetNoPostgresDirectory() throws {
        let script = try #require(try RoleGenerationTests.files(NodeRoleCheckTests.split)["tls/certificates.sh"])
        let node3 = try #require(script.split(separator: "    node3)").last?.split(separator: ";;").first)
        #expect(!node3.contains("/var/pgha/postgres"))
        let node4 = try #require(script.split(separator: "    node4)").last?.split(separator: ";;").first)
        #expect(node4.contains("directory node4 /var/pgha/postgres "))
    }

    /// Every stolon daemon but etcd reaches etcd with the TLS files under
    /// the keeper's directory: those nodes get them, an etcd member alone not.
    @Test func stolonInstallsTheKeeperTLSWhereAStolonDaemonRuns() throws {
        let text = stolonHead.replacingOccurrences(of: "address: 10.0.0.3\n", with: "address: 10.0.0.3\n    roles: [etcd]\n")
            + "  - name: node4\n    address: 10.0.0.4\n    roles: [proxy]\n"
        let files = try RoleGenerationTests.files(text)
        let script = try #require(files["tls/certificates.sh"])
        let node3 = try #require(script.split(separator: "    node3)").last?.split(separator: ";;").first)
        #expect(!node3.contains("/var/pgha/postgres"))
        let node4 = try #require(script.split(separator: "    node4)").last?.split(separator: ";;").first)
        #expect(node4.contains("/tls/node.key"))
        #expect(files["overlays/pgha-etcd.pkgs"] == "TRIBblix-etcd\nTRIBblix-pgha\n")
        #expect(files["overlays/pgha-proxy.pkgs"] == "TRIBblix-stolon\nTRIBblix-pgha\n")
        #expect(files["overlays/pgha-proxy.ovl"]?.contains("REQUIRES=postgres") == false)
        #expect(Self.lintProblems(files).filter { $0.contains("overlays/") } == [])
    }
}
