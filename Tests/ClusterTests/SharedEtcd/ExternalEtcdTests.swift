import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import Cluster
import Output

/// A PostgreSQL cluster that uses an etcd it does not define
/// (`etcd.definition`, `etcd.endpoints`): nothing of etcd is generated, its
/// daemons reach the existing members, and its certificates come from the
/// CA etcd trusts (issued for real with openssl). `smfkit check` given
/// several definitions refuses two clusters under one scope on one etcd.
@Suite(.serialized) struct ExternalEtcdTests {
    static func example(_ name: String) -> String { Fixtures.path("Examples/shared-etcd/\(name).yaml") }

    static func generated(_ path: String) throws -> [GeneratedFile] {
        guard case .generated(let verified) = try GenerationPipeline(templates: .standard).run(definitionPath: path) else {
            throw GenerationFailure(problems: ["\(path) does not generate"])
        }
        return verified.files
    }

    static func files(ofDefinitionAt path: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try generated(path).map { ($0.path, $0.contents) })
    }

    @Test func aClusterOfAnEtcdDefinitionGeneratesNothingOfEtcd() throws {
        let files = try Self.files(ofDefinitionAt: Self.example("orders"))
        #expect(files["manifests/etcd.xml"] == nil && files["methods/svc-etcd"] == nil)
        #expect(files.keys.filter { $0.hasPrefix("manifests/") }.sorted() == ["manifests/haproxy.xml", "manifests/patroni.xml"])
        let patroni = try #require(files["manifests/patroni.xml"])
        #expect(patroni.contains(#"name="etcd_addresses" type="astring" value="192.168.0.221,192.168.0.222,192.168.0.223""#))
        #expect(patroni.contains(#"name="etcd_port" type="count" value="2379""#))
        // No local etcd to wait for.
        #expect(!patroni.contains("svc:/network/pgha/etcd"))
        #expect(try #require(files["profiles/orders1.xml"]).contains("etcd") == false)
        let passwd = try #require(files["packages/TRIBblix-pgha-orders/passwd"])
        #expect(!passwd.contains("etcd") && passwd.contains("pguser"))
        #expect(files["overlays/pgha-orders.pkgs"] == "TRIBblix-pgha-orders\n")
        let deploy = try #require(files["deploy.sh"])
        #expect(deploy.contains("ETCD_ENDPOINTS='https://192.168.0.221:2379,https://192.168.0.222:2379,https://192.168.0.223:2379'"))
        #expect(deploy.contains("retry etcd_healthy || fail \"the existing etcd cluster at $ETCD_ENDPOINTS is not healthy"))
        #expect(deploy.contains("    zlogin orders1 \"ETCDCTL_API=3 /opt/tribblix/etcd/bin/etcdctl"))
        #expect(!deploy.contains("enable_new orders1 network/pgha/etcd"))
        let certificates = try #require(files["tls/certificates.sh"])
        #expect(certificates.contains(#"cp "/var/opt/smfkit/store/ca/ca.key" ca.key.new"#))
        #expect(!certificates.contains("/etcd/node.key"))
    }

    @Test func endpointsWorkForStolonToo() throws {
        let text = stolonHead + "etcd:\n  endpoints: [\"https://[fd00::1]:2379\", \"https://[fd00::2]:2379\"]\n  ca_dir: /var/ca\n"
        let checked = DefinitionChecker.check(DefinitionLoader.load(text: text, file: "stolon.yaml"))
        #expect(checked.diagnostics.filter { $0.severity == .error }.isEmpty, "\(checked.diagnostics)")
        let files = try RoleGenerationTests.files(text)
        #expect(files["manifests/etcd.xml"] == nil)
        let keeper = try #require(files["manifests/stolon-keeper.xml"])
        #expect(keeper.contains(#"name="etcd_addresses" type="astring" value="fd00::1,fd00::2""#))
        // The zones with the postgres role get etcdctl, for deploy.sh's health check.
        #expect(try #require(files["overlays/pgha.pkgs"]).contains("TRIBblix-etcd"))
        #expect(try #require(files["tls/certificates.sh"]).contains(#"cp "/var/ca/ca.crt" ca.crt.new"#))
    }

    @Test func theEtcdDefinitionMustBeAnEtcdStackWithTheSameTLS() throws {
        let directory = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let etcd = try String(contentsOfFile: Self.example("etcd"), encoding: .utf8)
        try etcd.replacingOccurrences(of: "  enabled: true", with: "  enabled: false")
            .write(toFile: directory + "/plain.yaml", atomically: true, encoding: .utf8)
        let text = validHead + "etcd:\n  definition: plain.yaml\n"
        let found = DefinitionChecker.check(DefinitionLoader.load(text: text, file: directory + "/c.yaml")).diagnostics
        #expect(found.map(\.rule) == ["cluster.etcd.definition"])
        #expect(found.first?.message.contains("tls.enabled: false") == true)
        #expect(found.first?.location.line == 11)
    }

    @Test func theClusterCertificatesComeFromTheEtcdCA() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            #expect(!CI.isRunning, "openssl is not installed"); return
        }
        let directory = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let etcd = try String(contentsOfFile: Self.example("etcd"), encoding: .utf8)
            .replacingOccurrences(of: "  enabled: true\n", with: "  enabled: true\n  ca_dir: \(directory)/store-ca\n")
        try etcd.write(toFile: directory + "/etcd.yaml", atomically: true, encoding: .utf8)
        let orders = try String(contentsOfFile: Self.example("orders"), encoding: .utf8)
            .replacingOccurrences(of: "  enabled: true\n", with: "  enabled: true\n  ca_dir: \(directory)/orders-ca\n")
        try orders.write(toFile: directory + "/orders.yaml", atomically: true, encoding: .utf8)
        for name in ["etcd", "orders"] {
            _ = try OutputWriter(directory: "\(directory)/\(name)-out").write(try Self.generated("\(directory)/\(name).yaml"))
        }
        func issue(_ name: String) throws -> ProcessRun {
            try runProcess(URL(fileURLWithPath: "/bin/sh"), ["\(directory)/\(name)-out/tls/certificates.sh", "issue"],
                           environment: ["PATH": "/usr/bin:/bin"])
        }
        // Before the etcd's CA exists, the cluster's script refuses, saying why.
        let early = try issue("orders")
        #expect(!early.succeeded && early.stderr.contains("deploy that etcd cluster first"))
        #expect(try issue("etcd").succeeded)
        let issued = try issue("orders")
        #expect(issued.succeeded, "\(issued.stderr)")
        let verified = try runProcess(URL(fileURLWithPath: "/usr/bin/openssl"),
                                      ["verify", "-CAfile", "\(directory)/store-ca/ca.crt", "\(directory)/orders-ca/orders1.crt"])
        #expect(verified.succeeded, "\(verified.stdout)\(verified.stderr)")
        // The etcd cluster's own certificates are untouched in its directory.
        #expect(FileManager.default.fileExists(atPath: "\(directory)/store-ca/etcd1.crt"))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/store-ca/orders1.crt"))
    }

    @Test func checkRefusesTwoClustersUnderOneScopeOnOneEtcd() throws {
        let together = { (paths: [String]) in try DefinitionChecker.check(paths: paths).together }
        // Passing: the example's two clusters have their own scopes.
        #expect(try together([Self.example("etcd"), Self.example("orders"), Self.example("billing")]).isEmpty)
        // Failing: billing renamed orders, so both are patroni scope 'orders' under /service.
        let directory = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: Self.example("etcd"), toPath: directory + "/etcd.yaml")
        let clash = try String(contentsOfFile: Self.example("billing"), encoding: .utf8)
            .replacingOccurrences(of: "cluster: billing", with: "cluster: orders")
        try clash.write(toFile: directory + "/clash.yaml", atomically: true, encoding: .utf8)
        let found = try together([Self.example("orders"), directory + "/clash.yaml"])
        #expect(found.map(\.rule) == [SharedEtcdScopeCheck.rule])
        // What `smfkit check` exits with: each file is valid alone, together they fail.
        #expect(!(try DefinitionChecker.check(paths: [Self.example("etcd"), Self.example("orders"), Self.example("billing")])
            .fails(strict: false)))
        let checked = try DefinitionChecker.check(paths: [Self.example("orders"), directory + "/clash.yaml"])
        #expect(checked.each.allSatisfy(\.isValid) && checked.fails(strict: false))
        let location = try #require(found.first?.location)
        #expect(location.file == directory + "/clash.yaml" && location.line == 4 && location.column == 10)
        #expect(found.first?.message.contains("patroni namespace /service scope orders") == true)
        // Another namespace is another scope.
        try (clash + "patroni:\n  namespace: /billing/\n").write(toFile: directory + "/clash.yaml", atomically: true, encoding: .utf8)
        #expect(try together([Self.example("orders"), directory + "/clash.yaml"]).isEmpty)
    }

    /// Definitions made from an example on the shared etcd, renamed and
    /// under another patroni namespace, in a directory beside a copy of the
    /// etcd definition; and check's findings for them together.
    struct Renamed {
        let directory: String

        init() throws {
            directory = try Generated.temporaryDirectory()
            try FileManager.default.copyItem(atPath: ExternalEtcdTests.example("etcd"), toPath: directory + "/etcd.yaml")
        }

        func write(_ example: String, cluster: String, namespace: String) throws -> String {
            let text = try String(contentsOfFile: ExternalEtcdTests.example(example), encoding: .utf8)
                .replacingOccurrences(of: "cluster: \(example)", with: "cluster: \(cluster)")
                + "patroni:\n  namespace: \(namespace)\n"
            let path = "\(directory)/\(example)-\(cluster).yaml"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func together(_ paths: [String]) throws -> [Diagnostic] {
            try DefinitionChecker.check(paths: paths).together
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// Two scopes whose etcd roles are one (/x/y/ + c and /x.y/ + c are both
    /// x.y.c): each deploy would grant the one role its own prefix.
    @Test func checkRefusesTwoScopesThatMakeOneEtcdRole() throws {
        let renamed = try Renamed()
        defer { renamed.remove() }
        let nested = try renamed.write("orders", cluster: "c", namespace: "/x/y/")
        let dotted = try renamed.write("billing", cluster: "c", namespace: "/x.y/")
        let found = try renamed.together([nested, dotted])
        #expect(found.map(\.rule) == [SharedEtcdScopeCheck.rule])
        #expect(found.first?.location.file == dotted)
        #expect(found.first?.message.contains("under other scopes, but both would have the etcd role 'x.y.c'") == true)
        // Passing: other namespaces whose roles differ.
        let other = try renamed.write("billing", cluster: "c", namespace: "/x/z/")
        #expect(try renamed.together([nested, other]).isEmpty)
    }

    /// A scope inside another's prefix: orders' /service/orders/ holds the
    /// keys of a cluster x under the namespace /service/orders/.
    @Test func checkRefusesAScopeInsideAnother() throws {
        let renamed = try Renamed()
        defer { renamed.remove() }
        let inner = try renamed.write("billing", cluster: "x", namespace: "/service/orders/")
        let found = try renamed.together([Self.example("orders"), inner])
        #expect(found.map(\.rule) == [SharedEtcdScopeCheck.rule])
        #expect(found.first?.message.contains("the keys under /service/orders/x/ are under /service/orders/ too: the "
                                              + "cluster of /service/orders/ would read them as its own, and its etcd "
                                              + "role is granted them") == true, "\(found)")
    }

    /// One etcd user for two clusters: orders' node orders1 is the user
    /// service.orders.orders1, which is also the password login of a
    /// cluster orders1 under the namespace /service.orders/.
    @Test func checkRefusesTwoClustersThatMakeOneEtcdUser() throws {
        let renamed = try Renamed()
        defer { renamed.remove() }
        let clash = try renamed.write("billing", cluster: "orders1", namespace: "/service.orders/")
        let found = try renamed.together([Self.example("orders"), clash])
        #expect(found.map(\.rule) == [SharedEtcdScopeCheck.rule])
        #expect(found.first?.message.contains("both would have the etcd user 'service.orders.orders1'") == true, "\(found)")
    }
}
