import Foundation
import TestSupport

/// Runs a short-lived client command (etcdctl, psql) with a time limit,
/// with the end-to-end test's PATH, through the one runner of TestSupport.
enum Command {
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
        directory: String? = nil, timeout: Double
    ) throws -> ProcessRun {
        var merged = ["PATH": Daemon.path, "LANG": "C"]
        merged.merge(environment) { _, new in new }
        return try runProcess(URL(fileURLWithPath: executable), arguments, environment: merged,
                              directory: directory.map { URL(fileURLWithPath: $0) }, input: input, timeout: timeout)
    }
}
