import Diagnostics

/// smfkit's version: the one place it is written. `smfkit --version` prints
/// it, SARIF reports carry it, and the man pages are generated with it.
enum SmfkitVersion {
    static let current = "0.5.0"

    static let tool = ToolDescription(name: "smfkit", version: current)
}
