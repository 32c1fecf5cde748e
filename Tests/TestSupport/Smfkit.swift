import Foundation

/// The `smfkit` binary SwiftPM built for this test run, run as a user runs it.
public enum Smfkit {
    /// Found next to the test bundle (whatever the configuration or scratch
    /// path), never at a hard-coded `.build/debug`.
    public static let binary: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent()
        // The runner is `…/<configuration>/smfkitPackageTests.xctest` or a
        // binary inside a bundle below it; walk up until a sibling smfkit appears.
        for _ in 0..<5 {
            let candidate = folder.appending(path: "smfkit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return folder.appending(path: "smfkit")  // absent: running it fails with a clear error
    }()

    /// Runs `smfkit ARGUMENTS` in `directory` (the checkout by default).
    public static func run(
        _ arguments: [String], directory: URL = PackageRoot.url, environment: [String: String]? = nil,
        input: String? = nil
    ) throws -> ProcessRun {
        try runProcess(binary, arguments, environment: environment, directory: directory, input: input)
    }
}
