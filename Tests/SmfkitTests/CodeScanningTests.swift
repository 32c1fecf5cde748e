import Foundation
import TestSupport
import Testing

/// `--format sarif` and `--format github`, read back by what reads them in CI:
/// Microsoft's SARIF reader (`sarif` from PyPI's sarif-tools), and the
/// workflow-command syntax GitHub Actions parses.
@Suite struct CodeScanningTests {
    /// A valid manifest, one with two errors and one with a warning.
    static func files() throws -> [String] {
        let bad = try Scratch.file(Scratch.bundle("""
            <service name="site/t" type="service" version="1">
            <create_default_instance enabled="yes"/>
            <exec_method type="method" name="start" exec="/bin/true" timeout_seconds="60"/>
            </service>
            """), named: "bad, really: bad.xml")
        let warned = try Scratch.file(Scratch.bundle("""
            <service name="site/w" type="service" version="1">
            <create_default_instance enabled="false"/>
            <exec_method type="method" name="start" exec="exec /bin/true" timeout_seconds="60"/>
            <exec_method type="method" name="stop" exec=":kill" timeout_seconds="60"/>
            </service>
            """), named: "warned.xml")
        return [PackageRoot.path("Examples/smf/etcd.xml"), bad, warned]
    }

    struct Finding: Decodable {
        var severity: String
        var rule: String
    }

    static func findings(of files: [String]) throws -> [Finding] {
        let run = try Smfkit.run(["validate", "--format", "json"] + files)
        return try JSONDecoder().decode([Finding].self, from: Data(run.stdout.utf8))
    }

    @Test func aSARIFReaderCountsTheSameFindings() throws {
        let files = try Self.files()
        let expected = try Self.findings(of: files)
        let errors = expected.filter { $0.severity == "error" }.count
        let warnings = expected.filter { $0.severity == "warning" }.count
        #expect(errors == 2)
        #expect(warnings >= 1)

        let run = try Smfkit.run(["validate", "--format", "sarif"] + files)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
        let log = FileManager.default.temporaryDirectory.appending(path: "smfkit-\(UUID().uuidString).sarif")
        try run.stdout.write(to: log, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: log) }

        guard let sarif = findExecutable("sarif") else {
            #expect(!CI.isRunning, "sarif-tools is not installed (pip install sarif-tools)")
            return
        }
        let summary = try runProcess(sarif, ["summary", log.path])
        #expect(summary.succeeded, "\(summary.stderr)")
        // sarif summary prints "error: N" and "warning: N" lines.
        func count(_ level: String) -> Int? {
            summary.stdout.split(separator: "\n").first { $0.hasPrefix("\(level): ") }
                .flatMap { Int($0.dropFirst(level.count + 2)) }
        }
        #expect(count("error") == errors, "\(summary.stdout)")
        #expect(count("warning") == warnings, "\(summary.stdout)")
    }

    @Test func theSARIFLogNamesEveryRuleAndLocation() throws {
        let files = try Self.files()
        let run = try Smfkit.run(["validate", "--format", "sarif"] + files)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let listed = try Smfkit.run(["validate", "--list-rules"]).stdout.split(separator: "\n")
        #expect(rules.count == listed.count)
        let version = try Smfkit.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(driver["version"] as? String == version)
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == (try Self.findings(of: files)).count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = try #require((location?["artifactLocation"] as? [String: Any])?["uri"] as? String)
            // The space in the file name is percent-encoded; the comma and colon may stay.
            #expect(uri.hasPrefix("file:///") && !uri.contains(" "))
            #expect((location?["region"] as? [String: Any])?["startLine"] as? Int ?? 0 > 0)
        }
    }

    @Test func githubAnnotationsAreOneWorkflowCommandPerFinding() throws {
        let files = try Self.files()
        let expected = try Self.findings(of: files)
        let run = try Smfkit.run(["validate", "--format", "github"] + files)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == expected.count)
        let command = #/^::(error|warning) file=([^,:]+),line=(\d+)(,col=\d+)?,title=([^,:]+)::(.+)$/#
        for (line, finding) in zip(lines, expected) {
            let match = try #require(line.wholeMatch(of: command), "\(line)")
            #expect(String(match.output.1) == finding.severity)
            #expect(String(match.output.5) == finding.rule)
        }
        // The file name's comma and colon are escaped as the Actions toolkit does.
        #expect(lines.contains { $0.contains("bad%2C really%3A bad.xml") })
    }
}
