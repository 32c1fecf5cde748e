import Foundation

/// Runs a real tool (xmllint, haproxy, shellcheck, patroni) the way a user
/// would, and captures what it said.
struct ToolRun {
    var status: Int32
    var output: String

    var succeeded: Bool { status == 0 }
}

enum Tool {
    /// The executable's path if it is installed here.
    static func find(_ name: String) -> String? {
        for directory in ["/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin"] {
            let path = directory + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Under CI every tool must be there; on a developer's machine a missing
    /// one skips the tests that need it.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    directory: String? = nil) throws -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
