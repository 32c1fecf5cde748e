import Foundation
import TestSupport
import Testing
@testable import Cluster
import Output

/// tls/certificates.sh, generated and run for real with openssl (issue 13):
/// what it issues, with which names, usages and modes; that a second run
/// keeps every key; that it re-issues exactly what is missing or expires
/// within the renewal window; and what `install` puts where, owned by whom.
@Suite(.serialized) struct CertificateScriptTests {
    struct Issued {
        let tree: String
        let ca: String

        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessRun {
            try runProcess(URL(fileURLWithPath: "/bin/sh"), [tree + "/tls/certificates.sh"] + arguments,
                           environment: ["PGHA_CA_DIR": ca, "PATH": "/usr/bin:/bin"].merging(environment) { $1 })
        }

        func openssl(_ arguments: [String]) throws -> String {
            let run = try runProcess(URL(fileURLWithPath: "/usr/bin/openssl"), arguments)
            return run.stdout + run.stderr
        }

        func contents(_ name: String) -> Data? { FileManager.default.contents(atPath: ca + "/" + name) }

        func mode(_ name: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: name.hasPrefix("/") ? name : ca + "/" + name))?[.posixPermissions]
                as? Int) ?? -1
        }
    }

    /// The tree generated from `definition` (an example, or YAML text), its CA directory not yet made.
    func generated(example: String? = nil, text: String? = nil) throws -> Issued {
        let tree = try Generated.temporaryDirectory()
        let files: [GeneratedFile]
        if let example {
            files = try Generated.files(ofExample: example)
        } else {
            let definition = tree + "/cluster.yaml"
            try (text ?? "").write(toFile: definition, atomically: true, encoding: .utf8)
            guard case .generated(let verified) = try GenerationPipeline(templates: try TemplateSet.builtIn())
                .run(definitionPath: definition) else { throw GenerationFailure(problems: ["does not generate"]) }
            files = verified.files
        }
        _ = try OutputWriter(directory: tree + "/out").write(files)
        return Issued(tree: tree + "/out", ca: tree + "/ca")
    }

    static var hasOpenSSL: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") }

    @Test func issuesTheCAAndEveryCertificateWithTheNodesNames() throws {
        guard Self.hasOpenSSL else { #expect(!CI.isRunning, "openssl is not installed"); return }
        let issued = try generated(example: "patroni")
        defer { try? FileManager.default.removeItem(atPath: issued.tree + "/..") }
        let first = try issued.run(["issue"])
        #expect(first.succeeded, "\(first.stderr)")
        for name in ["node1", "node2", "node3", "haproxy", "admin"] {
            #expect(first.stdout.contains("issuing \(name)"))
            #expect(try issued.openssl(["verify", "-CAfile", issued.ca + "/ca.crt", issued.ca + "/\(name).crt"])
                .contains("OK"))
            #expect(issued.mode("\(name).key") == 0o600, "\(name).key")
        }
        #expect(issued.mode(issued.ca) == 0o700)
        #expect(issued.mode("ca.key") == 0o600 && issued.mode("haproxy.pem") == 0o600)
        let node1 = try issued.openssl(["x509", "-noout", "-text", "-in", issued.ca + "/node1.crt"])
        // Its own address and name, and every address clients dial haproxy at (haproxy passes TLS through).
        #expect(node1.contains("IP Address:192.168.0.231, DNS:node1, IP Address:192.168.0.232, IP Address:192.168.0.233"))
        #expect(node1.contains("TLS Web Server Authentication, TLS Web Client Authentication"))
        #expect(node1.contains("ASN1 OID: prime256v1"))
        let admin = try issued.openssl(["x509", "-noout", "-text", "-in", issued.ca + "/admin.crt"])
        #expect(admin.contains("TLS Web Client Authentication") && !admin.contains("Server Authentication"))
        let ca = try issued.openssl(["x509", "-noout", "-text", "-in", issued.ca + "/ca.crt"])
        #expect(ca.contains("CA:TRUE") && ca.contains("Certificate Sign"))
    }

    @Test func aSecondRunKeepsEveryKeyAndRenewsOnlyWhatNeedsIt() throws {
        guard Self.hasOpenSSL else { #expect(!CI.isRunning, "openssl is not installed"); return }
        let issued = try generated(example: "patroni")
        defer { try? FileManager.default.removeItem(atPath: issued.tree + "/..") }
        #expect(try issued.run(["issue"]).succeeded)
        let keys = ["ca", "node1", "node2", "node3", "haproxy", "admin"].map { issued.contents("\($0).key") }

        let again = try issued.run(["issue"])
        #expect(again.succeeded && !again.stdout.contains("issuing") && !again.stdout.contains("making"), "\(again.stdout)")
        #expect(["ca", "node1", "node2", "node3", "haproxy", "admin"].map { issued.contents("\($0).key") } == keys)

        // node2 lost its key; node3's certificate expires tomorrow: those two only.
        try FileManager.default.removeItem(atPath: issued.ca + "/node2.key")
        _ = try issued.openssl(["req", "-new", "-key", issued.ca + "/node3.key", "-subj", "/CN=node3",
                                "-out", issued.ca + "/short.csr"])
        _ = try issued.openssl(["x509", "-req", "-in", issued.ca + "/short.csr", "-CA", issued.ca + "/ca.crt",
                                "-CAkey", issued.ca + "/ca.key", "-days", "1", "-extfile", issued.ca + "/node3.ext",
                                "-out", issued.ca + "/node3.crt"])
        let renewal = try issued.run(["issue"])
        #expect(renewal.succeeded, "\(renewal.stderr)")
        let reissued = renewal.stdout.split(separator: "\n").filter { $0.contains("issuing") }.map(String.init)
        #expect(reissued == ["certificates: issuing node2", "certificates: issuing node3"])
        #expect(issued.contents("node3.key") != keys[3] && issued.contents("node1.key") == keys[1])
        #expect(try issued.openssl(["x509", "-noout", "-checkend", String(30 * 86_400), "-in", issued.ca + "/node3.crt"])
            .contains("will not expire"))
    }

    @Test func rsaKeysWhenTheDefinitionAsksForThem() throws {
        guard Self.hasOpenSSL else { #expect(!CI.isRunning, "openssl is not installed"); return }
        let text = validHead + "tls:\n  key_type: rsa-3072\n  validity_days: 90\n  extra_sans: [db.example.com]\n"
        let issued = try generated(text: text)
        defer { try? FileManager.default.removeItem(atPath: issued.tree + "/..") }
        #expect(try issued.run(["issue"]).succeeded)
        let node = try issued.openssl(["x509", "-noout", "-text", "-in", issued.ca + "/node1.crt"])
        #expect(node.contains("Public-Key: (3072 bit)") && node.contains("DNS:db.example.com"))
        #expect(node.contains("Key Encipherment"))
        let days = try issued.openssl(["x509", "-noout", "-checkend", String(91 * 86_400), "-in", issued.ca + "/node1.crt"])
        #expect(days.contains("will expire"))
    }

    /// `install` through a zlogin that runs commands on this host, into the
    /// paths of a definition whose data directory is a scratch directory.
    @Test func installGivesEachAccountItsOwnCopy() throws {
        guard Self.hasOpenSSL, geteuid() == 0 else { return }
        let scratch = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let text = validHead + "paths:\n  data: \(scratch)/data\n"
        let issued = try generated(text: text)
        defer { try? FileManager.default.removeItem(atPath: issued.tree + "/..") }
        #expect(try issued.run(["issue"]).succeeded)
        let zlogin = scratch + "/zlogin"
        try "#!/bin/sh\nexec /bin/sh -c \"$2\"\n".write(toFile: zlogin, atomically: true, encoding: .utf8)
        chmod(zlogin, 0o755)
        let install = try issued.run(["install", "node2"], environment: ["PGHA_ZLOGIN": zlogin])
        #expect(install.succeeded, "\(install.stderr)")
        let defaults = ClusterDefinition(cluster: "c", stack: .patroni, nodes: []).users
        for (file, owner, mode) in [
            ("tls/node2/etcd/node.key", defaults.etcd.uid, 0o600), ("tls/node2/etcd/ca.crt", defaults.etcd.uid, 0o644),
            ("postgres/node2/tls/node.key", defaults.postgres.uid, 0o600),
            ("postgres/node2/tls/node.crt", defaults.postgres.uid, 0o644),
            ("tls/node2/haproxy/haproxy.pem", defaults.haproxy.uid, 0o600),
        ] {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(scratch)/data/\(file)")
            #expect(attributes[.ownerAccountID] as? Int == owner, "\(file)")
            #expect(attributes[.posixPermissions] as? Int == mode, "\(file)")
        }
        #expect(FileManager.default.contents(atPath: "\(scratch)/data/postgres/node2/tls/node.key")
            == issued.contents("node2.key"))
        let unknown = try issued.run(["install", "node9"], environment: ["PGHA_ZLOGIN": zlogin])
        #expect(unknown.status == 2 && unknown.stderr.contains("no node 'node9'"))
    }
}
