import Foundation

/// Where an installed program is: each directory of `$PATH`, then the usual
/// system directories (a test runner may start with a short PATH).
public func findExecutable(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let directories = path.split(separator: ":").map(String.init)
        + ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"]
    for directory in directories where !directory.isEmpty {
        let candidate = URL(fileURLWithPath: directory).appending(path: name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}

/// Whether this run is CI's (`.ci/run` sets CI=true): there a missing tool or
/// corpus fails the test that needs it instead of skipping it.
public enum CI {
    public static var isRunning: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}

/// Tests that build smfkit again in release (install, pre-commit's hook
/// environment) take minutes: they run under CI, or where a developer asks
/// with SMFKIT_SLOW_TESTS=1.
public enum SlowTests {
    public static var enabled: Bool {
        CI.isRunning || ProcessInfo.processInfo.environment["SMFKIT_SLOW_TESTS"] == "1"
    }

    public static let skipReason = "builds smfkit in release (minutes): runs under CI=true or with SMFKIT_SLOW_TESTS=1"
}
