import Foundation
import TestSupport
import Testing

/// Issue 19 asked for `smfkit --version`: it prints one version, the one in
/// Sources/smfkit/Version.swift, and exits 0.
@Suite struct VersionCommandTests {
    @Test func versionPrintsTheOneVersionAndExitsZero() throws {
        let run = try Smfkit.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let source = try String(contentsOf: PackageRoot.url.appending(path: "Sources/smfkit/Version.swift"), encoding: .utf8)
        let version = run.stdout.trimmingCharacters(in: .newlines)
        #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." })
        #expect(source.contains("static let current = \"\(version)\""))
    }
}
