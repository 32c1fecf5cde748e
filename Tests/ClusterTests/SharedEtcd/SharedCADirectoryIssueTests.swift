import Foundation
import Output
import TestSupport
import Testing
@testable import Cluster

/// What `cluster.tls.ca-dir-shared` says, seen with real openssl: the etcd
/// definition's certificates.sh issues into its CA directory, then a
/// cluster's issues into the same one (PGHA_CA_DIR, as the shared
/// `tls.ca_dir` would). The cluster's `admin` always replaces the etcd's
/// (each names its own etcd user); a node named like an etcd member
/// replaces that member's files, and another key type `root`'s: what the
/// error says.
@Suite(.serialized) struct SharedCADirectoryIssueTests {
    /// The bytes of each file of the etcd's CA directory after its own
    /// script, and after the cluster's script ran there too.
    static func issueBoth(clusterNodeRename: (String, String)?, keyType: String?)
        throws -> (before: [String: Data], after: [String: Data], directory: String)?
    {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            #expect(!CI.isRunning, "openssl is not installed"); return nil
        }
        let directory = try Generated.temporaryDirectory()
        let etcd = try String(contentsOfFile: Fixtures.path("Examples/shared-etcd/etcd.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  enabled: true\n", with: "  enabled: true\n  ca_dir: \(directory)/store-ca\n")
        try etcd.write(toFile: directory + "/etcd.yaml", atomically: true, encoding: .utf8)
        var orders = try String(contentsOfFile: Fixtures.path("Examples/shared-etcd/orders.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  enabled: true\n", with: "  enabled: true\n  ca_dir: \(directory)/orders-ca\n"
                                    + (keyType.map { "  key_type: \($0)\n" } ?? ""))
        if let (from, to) = clusterNodeRename { orders = orders.replacingOccurrences(of: "name: \(from)\n", with: "name: \(to)\n") }
        try orders.write(toFile: directory + "/orders.yaml", atomically: true, encoding: .utf8)
        for name in ["etcd", "orders"] {
            guard case .generated(let verified) = try GenerationPipeline(templates: .standard)
                .run(definitionPath: "\(directory)/\(name).yaml") else {
                Issue.record("\(name) does not generate"); return nil
            }
            _ = try OutputWriter(directory: "\(directory)/\(name)-out").write(verified.files)
        }
        let shared = "\(directory)/store-ca"
        func issue(_ name: String) throws {
            let run = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["\(directory)/\(name)-out/tls/certificates.sh", "issue"],
                                     environment: ["PATH": "/usr/bin:/bin", "PGHA_CA_DIR": shared])
            #expect(run.succeeded, "\(name): \(run.stderr)")
        }
        func contents() throws -> [String: Data] {
            Dictionary(uniqueKeysWithValues: try FileManager.default.contentsOfDirectory(atPath: shared).map {
                ($0, try Data(contentsOf: URL(fileURLWithPath: "\(shared)/\($0)")))
            })
        }
        try issue("etcd")
        let before = try contents()
        try issue("orders")
        return (before, try contents(), directory)
    }

    /// The etcd's files the cluster's script changed. Not ca.srl: openssl
    /// counts every certificate of the CA in it, which is its purpose.
    static func replaced(_ before: [String: Data], _ after: [String: Data]) -> [String] {
        before.keys.filter { $0 != "ca.srl" && after[$0] != before[$0] }.sorted()
    }

    @Test func aNodeNamedLikeAnEtcdMemberReplacesItsCertificate() throws {
        guard let (before, after, directory) = try Self.issueBoth(clusterNodeRename: ("orders2", "etcd2"), keyType: nil)
        else { return }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(Self.replaced(before, after) == ["admin.crt", "admin.ext", "admin.key", "etcd2.crt", "etcd2.ext", "etcd2.key"])
        // etcd2's certificate now names the PostgreSQL node's address, not the member's.
        let text = try runProcess(URL(fileURLWithPath: "/usr/bin/openssl"),
                                  ["x509", "-noout", "-ext", "subjectAltName", "-in", "\(directory)/store-ca/etcd2.crt"]).stdout
        #expect(text.contains("192.168.0.232") && !text.contains("192.168.0.222"), "\(text)")
        // And check says so, with the directories made one.
        let orders = try String(contentsOfFile: directory + "/orders.yaml", encoding: .utf8)
            .replacingOccurrences(of: "/orders-ca", with: "/store-ca")
        let found = DefinitionChecker.check(DefinitionLoader.load(text: orders, file: directory + "/orders.yaml"))
            .diagnostics.filter { $0.rule == "cluster.tls.ca-dir-shared" }
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.message.contains("etcd2.crt, etcd2.key, admin.crt, admin.key") == true)
    }

    @Test func anotherKeyTypeReplacesRootToo() throws {
        guard let (before, after, directory) = try Self.issueBoth(clusterNodeRename: nil, keyType: "rsa-3072") else { return }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(Self.replaced(before, after) == ["admin.crt", "admin.ext", "admin.key", "root.crt", "root.ext", "root.key"])
    }

    /// With no node of both and one key type, admin alone is replaced: the
    /// cluster's names its etcd user, the etcd's another. Its nodes' files
    /// land beside the etcd's.
    @Test func otherwiseAdminAloneIsReplaced() throws {
        guard let (before, after, directory) = try Self.issueBoth(clusterNodeRename: nil, keyType: nil) else { return }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(Self.replaced(before, after) == ["admin.crt", "admin.ext", "admin.key"])
        #expect(after["orders1.crt"] != nil && after["haproxy.pem"] != nil)
    }
}
