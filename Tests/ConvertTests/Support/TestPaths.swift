import Foundation

/// Where the shared data and the machine's systemd units are, found from
/// this file's path so tests run from any working directory (the same
/// scheme as SMFTests' TestPaths).
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ConvertTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let shared = packageRoot.deletingLastPathComponent().appending(path: "shared")
    static let illumosDTD = shared.appending(path: "smf/service_bundle.dtd.1")

    /// Under CI every external input must be there; elsewhere its absence skips.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Where Debian installs system units (/lib is /usr/lib on merged-/usr systems).
    static let unitDirectories = ["/lib/systemd/system", "/usr/lib/systemd/system"]

    /// The unit file `name` as installed here, or nil.
    static func installedUnit(_ name: String) -> String? {
        unitDirectories.map { $0 + "/" + name }.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Every `.service` file of the machine, each once (by name), sorted.
    static func installedServices() -> [String] {
        var byName: [String: String] = [:]
        for directory in unitDirectories {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".service") {
                let path = directory + "/" + name
                // A masked unit (a link to /dev/null) is kept: it must be refused.
                if byName[name] == nil, FileManager.default.isReadableFile(atPath: path) {
                    byName[name] = path
                }
            }
        }
        return byName.keys.sorted().compactMap { byName[$0] }
    }

    /// A file's text, read through a file handle so /dev/null reads as empty.
    static func read(_ path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }

    static func tool(_ name: String) -> String? {
        ["/usr/bin", "/usr/sbin", "/bin"].map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
