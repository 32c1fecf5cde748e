import Foundation
import TestSupport

/// The machine's systemd units, which the convert tests read in place (the
/// checkout and the external corpus come from TestSupport).
enum TestPaths {
    static let packageRoot = PackageRoot.url

    /// Under CI every external input must be there; elsewhere its absence skips.
    static var required: Bool { CI.isRunning }

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
}
