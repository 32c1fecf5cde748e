import Foundation

/// Paths of files the tests read, relative to the package root (found from
/// this file's own path, so tests run from any directory).
enum Fixtures {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ClusterTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        packageRoot.appending(path: relative).path
    }
}
