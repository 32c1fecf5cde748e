import Foundation
import TestSupport
import Testing

/// The `smfkit-validate` hook of `.pre-commit-hooks.yaml`, run by the real
/// pre-commit (PyPI) with `try-repo` on a scratch repository: it builds
/// smfkit from this checkout as `language: swift` does and runs it on the
/// staged files.
@Suite struct PreCommitHookTests {
    static let good = """
        <?xml version="1.0"?>
        <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
        <service_bundle type="manifest" name="good">
        <service name="site/good" type="service" version="1">
        <create_default_instance enabled="false"/>
        <exec_method type="method" name="start" exec="/usr/bin/true" timeout_seconds="60"/>
        <exec_method type="method" name="stop" exec=":kill" timeout_seconds="60"/>
        </service>
        </service_bundle>

        """

    /// The same manifest with a boolean svccfg refuses.
    static let bad = good.replacing("enabled=\"false\"", with: "enabled=\"yes\"")

    /// A scratch git repository holding `files`, staged.
    static func scratchRepository(_ files: [String: String], git: URL) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "smfkit-precommit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try runProcess(git, ["init", "-q"], directory: folder).succeeded)
        for (name, text) in files {
            try text.write(to: folder.appending(path: name), atomically: true, encoding: .utf8)
        }
        #expect(try runProcess(git, ["add"] + files.keys.sorted(), directory: folder).succeeded)
        return folder
    }

    @Test(.enabled(if: SlowTests.enabled, Comment(rawValue: SlowTests.skipReason)))
    func theHookPassesAGoodManifestAndFailsABadOne() throws {
        guard let preCommit = findExecutable("pre-commit"), let git = findExecutable("git") else {
            #expect(!CI.isRunning, "pre-commit (pip install pre-commit) and git are needed")
            return
        }
        // One pre-commit cache for both runs: the hook's environment (a
        // release build of smfkit) is made once.
        let cache = FileManager.default.temporaryDirectory.appending(path: "smfkit-precommit-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        var environment = ProcessInfo.processInfo.environment
        environment["PRE_COMMIT_HOME"] = cache.path

        let passing = try Self.scratchRepository(["good.xml": Self.good], git: git)
        defer { try? FileManager.default.removeItem(at: passing) }
        let passed = try runProcess(
            preCommit, ["try-repo", PackageRoot.url.path, "smfkit-validate", "--all-files"],
            environment: environment, directory: passing)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.contains("Passed"))

        let failing = try Self.scratchRepository(["good.xml": Self.good, "bad.xml": Self.bad], git: git)
        defer { try? FileManager.default.removeItem(at: failing) }
        let failed = try runProcess(
            preCommit, ["try-repo", PackageRoot.url.path, "smfkit-validate", "--all-files"],
            environment: environment, directory: failing)
        #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
        #expect(failed.stdout.contains("Failed"))
        #expect(failed.stdout.contains("bad.xml:5"), "\(failed.stdout)")
        #expect(failed.stdout.contains("[smf.dtd]") || failed.stdout.contains("[smf.value.boolean]"))
        #expect(!failed.stdout.contains("good.xml:"))
    }
}
