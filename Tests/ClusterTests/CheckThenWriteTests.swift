import Foundation
import Testing
@testable import Cluster
import Output

/// `check` accepts nothing the writer refuses (issue 11): every path and
/// name of a definition, given hostile values, is either refused by `check`
/// or generated and written without an error.
@Suite struct CheckThenWriteTests {
    static let head = "cluster: c\nstack: patroni\nnodes:\n  - name: node1\n    address: 10.0.0.1\n"

    /// Each path and name that reaches a path: (section, key).
    static let settings: [(section: String, key: String)] =
        ["etcd", "etcdctl", "postgres_bin", "patroni", "patronictl", "stolon_bin", "haproxy", "data", "config", "methods"]
            .map { ("paths", $0) }
        + ["superuser_password", "replication_password", "rewind_password"].map { ("secrets", $0) }
        + [("packaging", "overlay"), ("packaging", "package")]

    static let hostilePaths = [
        "/opt/../../../../tmp/pwned", "/a//b", "/a/./b", "/", "/a/", "/opt/x/..", "..", "/" + String(repeating: "a", count: 255),
        "/" + String(repeating: "a", count: 256), String(repeating: "/abcdefgh", count: 120), "/opt/fine",
    ]
    static let hostileNames = ["..", "a/b", String(repeating: "o", count: 250), String(repeating: "o", count: 300), "ok"]

    @Test func whatCheckAcceptsIsWritten() throws {
        let pipeline = GenerationPipeline(templates: try TemplateSet.builtIn())
        var accepted = 0
        var refused = 0
        for (section, name) in Self.settings {
            let key = section + "." + name
            let values = section == "packaging" ? Self.hostileNames : Self.hostilePaths
            for value in values {
                let text = Self.head + "\(section):\n  \(name): \"\(value)\"\n"
                let checked = DefinitionChecker.check(DefinitionLoader.load(text: text, file: "c.yaml"))
                guard checked.isValid else {
                    refused += 1
                    continue
                }
                accepted += 1
                let directory = try Generated.temporaryDirectory()
                defer { try? FileManager.default.removeItem(atPath: directory) }
                switch pipeline.run(definitionText: text, file: "c.yaml") {
                case .generated(let verified):
                    let files = verified.files
                    #expect(throws: Never.self, "\(key): \(value.prefix(60))") {
                        _ = try OutputWriter(directory: directory + "/out").write(files)
                    }
                case .invalidDefinition(let problems), .invalidOutput(let problems):
                    Issue.record("\(key) = \(value.prefix(60)): check passed, generate refused: \(problems)")
                }
            }
        }
        // Both outcomes happen, so the loop tested something.
        #expect(accepted > 10 && refused > 10)
    }
}
