import Foundation
import TestSupport
import Testing

/// What `smfkit generate` tells the user about files it kept, replaced or
/// cleaned up, and about `--out` itself (issue 11).
@Suite struct GenerateReportTests {
    @Test func anEditedFileIsKeptWithAWarningAndForceNamesWhatItOverwrites() throws {
        let work = try GenerateHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let definition = work + "/c.yaml"
        try GenerateHarness.definition(stack: "patroni", nodes: 3).write(toFile: definition, atomically: true, encoding: .utf8)
        let out = work + "/out"
        #expect(try GenerateHarness.generate(definition, out: out).status == 0)
        try "edited\n".write(toFile: out + "/config/haproxy.cfg", atomically: false, encoding: .utf8)

        let kept = try GenerateHarness.generate(definition, out: out)
        #expect(kept.status == 0)
        #expect(kept.stderr == "\(out)/config/haproxy.cfg: warning: was edited since smfkit wrote it; kept as it is, "
            + "and the new generation's version was not written (--force replaces it)\n")
        #expect(try String(contentsOfFile: out + "/config/haproxy.cfg", encoding: .utf8) == "edited\n")

        let forced = try GenerateHarness.generate(definition, out: out, extra: ["--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr == "\(out)/config/haproxy.cfg: note: overwritten (--force); it was edited since smfkit wrote it\n")
        #expect(try String(contentsOfFile: out + "/config/haproxy.cfg", encoding: .utf8) != "edited\n")
    }

    /// Foundation on Linux traps on a one-character path: `generate d --out o`,
    /// run where both are, crashed before the writer stopped using its path methods.
    @Test func oneCharacterNamesForTheDefinitionAndTheOutput() throws {
        let work = try GenerateHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        try GenerateHarness.definition(stack: "patroni", nodes: 3).write(toFile: work + "/d", atomically: true, encoding: .utf8)
        let run = try Smfkit.run(["generate", "d", "--out", "o"], directory: URL(fileURLWithPath: work))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: work + "/o/deploy.sh"))
        #expect(try Smfkit.run(["generate", "d", "--out", "o"], directory: URL(fileURLWithPath: work)).status == 0)
    }

    @Test func aSymlinkedOutIsFollowedAndADanglingOneNamed() throws {
        let work = try GenerateHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let definition = work + "/c.yaml"
        try GenerateHarness.definition(stack: "patroni", nodes: 3).write(toFile: definition, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: work + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work + "/link", withDestinationPath: "real")
        let linked = try GenerateHarness.generate(definition, out: work + "/link")
        #expect(linked.status == 0)
        #expect(linked.stderr == "\(work)/link: note: a symbolic link to \(work)/real; the output went there\n")
        #expect(FileManager.default.fileExists(atPath: work + "/real/deploy.sh"))

        try FileManager.default.createSymbolicLink(atPath: work + "/dangling", withDestinationPath: "missing")
        let dangling = try GenerateHarness.generate(definition, out: work + "/dangling")
        #expect(dangling.status == 2)
        #expect(dangling.stderr == "\(work)/dangling: error: is a symbolic link to missing, which does not exist; "
            + "create that directory or choose another --out\n")
    }
}
