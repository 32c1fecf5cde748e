import Foundation
import FileValidation
import SMF
import TestSupport
import Testing

/// `smfkit validate --list-rules`, `--strict` and JSON diagnostics, run as a
/// user runs them: the built binary, its output and exit status.
@Suite struct ValidateRulesCommandTests {
    static func run(_ arguments: [String]) throws -> ProcessRun {
        try Smfkit.run(arguments)
    }

    static func temporaryManifest(exec: String) throws -> String {
        try Scratch.file(Scratch.bundle("""
            <service name='site/t' type='service' version='1'>
            <create_default_instance enabled='false'/>
            <exec_method type='method' name='start' exec='\(exec)' timeout_seconds='60'/>
            <exec_method type='method' name='stop' exec=':kill' timeout_seconds='60'/>
            </service>
            """))
    }

    @Test func listRulesPrintsEveryRuleWithADescription() throws {
        let run = try Self.run(["validate", "--list-rules"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        let ids = lines.map { String($0.split(separator: " ", maxSplits: 1)[0]) }
        #expect(ids == FileValidator.rules.map(\.id))
        #expect(ids.contains("tribblix.ovl.unknown-key"), "Tribblix lint rules are listed too")
        #expect(lines.allSatisfy { $0.split(separator: " ", omittingEmptySubsequences: true).count >= 2 })
        #expect(ids.contains("smf.value.boolean"))
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let path = try Self.temporaryManifest(exec: "/usr/bin/daemon %Y")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lenient = try Self.run(["validate", path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: unknown method token \"%Y\""))
        #expect(lenient.stderr.contains("[smf.method.token]"))
        #expect(lenient.stderr.contains("\(path):6:"))
        let strict = try Self.run(["validate", "--strict", path])
        #expect(strict.status == 1)
    }

    @Test func strictPassesACleanManifest() throws {
        let path = try Self.temporaryManifest(exec: "/usr/bin/daemon %m")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.run(["validate", "--strict", path])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }

    @Test func jsonDiagnosticsCarryRuleAndSeverity() throws {
        let path = try Self.temporaryManifest(exec: "/usr/bin/daemon %Y")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try Self.run(["validate", "--format", "json", path])
        #expect(run.status == 0)
        let array = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let first = try #require(array?.first)
        #expect(first["rule"] as? String == "smf.method.token")
        #expect(first["severity"] as? String == "warning")
        #expect(first["line"] as? Int == 6)
    }
}
