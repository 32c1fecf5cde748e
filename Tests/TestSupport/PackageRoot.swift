import Foundation

/// The checkout's root directory, found from this file's own path so that
/// tests run from any working directory.
public enum PackageRoot {
    public static let url: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// A path inside the checkout, e.g. `path("Examples/patroni.yaml")`.
    public static func path(_ relative: String) -> String {
        url.appending(path: relative).path
    }
}
