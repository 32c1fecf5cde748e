import Foundation
import TestSupport
import Testing

/// Issue 19: `smfkit validate DIR` walks a directory, and every file
/// `generate` writes is one validate recognises and passes.
@Suite struct ValidateDirectoryTests {
    func generated(_ example: String) throws -> URL {
        let out = try Scratch.directory("validate-dir").appending(path: "out")
        let run = try Smfkit.run(["generate", example, "--out", out.path])
        try #require(run.status == 0, "\(run.stderr)")
        return out
    }

    func files(under root: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root.appending(path: name).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    @Test(arguments: ["Examples/patroni.yaml", "Examples/stolon.yaml"])
    func validateTakesGeneratesOutputDirectory(_ example: String) throws {
        let out = try generated(example)
        let run = try Smfkit.run(["validate", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        // The stolon stack's one warning: its package, TRIBblix-stolon, is one
        // Tribblix no longer ships (the site builds it; docs/packaging.md).
        let lines = run.stderr.split(separator: "\n").map(String.init)
            .filter { !$0.contains("TRIBblix-stolon is not in the Tribblix package list") }
        #expect(lines.allSatisfy { $0.contains(": note: ") }, "\(lines)")
        // Only what another tool checks, and smfkit's lock, are passed over.
        let noted = Set(lines.compactMap { $0.components(separatedBy: ": note: ").first?.split(separator: "/").last.map(String.init) })
        #expect(noted.isSubset(of: ["haproxy.cfg", "patroni.yml", "stolon-cluster-spec.json", ".smfkit-generated",
                                    ".smfkit-lock"]), "\(noted)")
        #expect(noted.contains(".smfkit-generated"))
    }

    @Test(arguments: ["Examples/patroni.yaml", "Examples/stolon.yaml"])
    func everyGeneratedFileNamedAloneIsRecognisedAndPasses(_ example: String) throws {
        let out = try generated(example)
        let all = files(under: out).filter { !$0.hasSuffix("/.smfkit-lock") }
        #expect(all.contains { $0.hasSuffix("/fixit") } && all.contains { $0.hasSuffix("/pkginfo.arch") })
        let run = try Smfkit.run(["validate"] + all)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("error"), "\(run.stderr)")
        #expect(!run.stderr.contains("file.unknown-kind"))
    }

    @Test func aDirectoryWithAMistakeFailsAndNamesTheFile() throws {
        let out = try generated("Examples/patroni.yaml")
        let fixit = out.appending(path: "packages/TRIBblix-pgha/fixit")
        let text = try String(contentsOf: fixit, encoding: .utf8).replacingOccurrences(of: "#!/bin/sh", with: "#!sh")
        try text.write(to: fixit, atomically: true, encoding: .utf8)
        let run = try Smfkit.run(["validate", out.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(fixit.path):1:1: error: the #! line names 'sh'"))
    }
}
