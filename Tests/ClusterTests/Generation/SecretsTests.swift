import Foundation
import Testing
@testable import Cluster

/// Passwords live in files on the nodes; the definition only names those
/// files. Even with the secret files present and holding known passwords,
/// nothing smfkit generates contains one.
@Suite struct SecretsTests {
    @Test func noGeneratedFileContainsAPassword() throws {
        let scratch = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let passwords = [
            "superuser": "S3cret-superuser-\(UUID().uuidString)",
            "replication": "S3cret-replication-\(UUID().uuidString)",
            "rewind": "S3cret-rewind-\(UUID().uuidString)",
            "rest": "S3cret-rest-\(UUID().uuidString)",
            "stats": "S3cret-stats-\(UUID().uuidString)",
        ]
        for (name, password) in passwords {
            let path = scratch + "/\(name)-password"
            _ = FileManager.default.createFile(atPath: path, contents: Data(password.utf8), attributes: [.posixPermissions: 0o600])
        }
        var text = try String(contentsOfFile: Fixtures.path("Examples/loopback-patroni.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "/tmp/smfkit-loopback/secrets", with: scratch)
        let pipeline = GenerationPipeline(templates: try TemplateSet.builtIn())
        guard case .generated(let verified) = pipeline.run(definitionText: text, file: "secrets.yaml"), case let files = verified.files else {
            Issue.record("the definition did not generate")
            return
        }
        #expect(files.contains { $0.contents.contains(scratch + "/superuser-password") }, "the password file is named")
        for file in files {
            for (name, password) in passwords {
                #expect(!file.contents.contains(password), "\(file.path) contains the \(name) password")
            }
        }
    }

    /// Issue 13: keys are made on the deploying host by the generated
    /// script, never by smfkit: no generated file holds a key or a
    /// certificate, only the commands that make them.
    @Test(arguments: Generated.examples)
    func noGeneratedFileContainsKeyMaterial(example: String) throws {
        let files = try Generated.files(ofExample: example)
        #expect(files.contains { $0.path == "tls/certificates.sh" })
        for file in files {
            for marker in ["-----BEGIN", "PRIVATE KEY-----", "CERTIFICATE-----"] {
                #expect(!file.contents.contains(marker), "\(file.path) contains '\(marker)'")
            }
        }
    }

    /// With TLS on, no cluster URL of a generated file is plain http.
    @Test(arguments: Generated.examples)
    func noClusterURLIsPlainHTTP(example: String) throws {
        for file in try Generated.files(ofExample: example) {
            #expect(!file.contents.contains("http://"), "\(file.path) has an http:// URL")
        }
    }
}
