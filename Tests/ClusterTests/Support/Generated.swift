import Foundation
@testable import Cluster
import Output

/// Generation of the bundled examples, in memory and on disk, for the tests.
enum Generated {
    static let examples = ["patroni", "stolon", "etcd", "replication", "loopback-patroni", "loopback-etcd",
                           "loopback-replication", "three-host-patroni", "three-host-replication", "shared-etcd/etcd",
                           "shared-etcd/orders"]

    static func files(ofExample name: String) throws -> [GeneratedFile] {
        try files(ofDefinition: Fixtures.path("Examples/\(name).yaml"))
    }

    /// Generates a definition into `directory` (its own earlier output, or an empty one).
    static func write(definitionPath: String, into directory: String) throws {
        _ = try OutputWriter(directory: directory).write(files(ofDefinition: definitionPath))
    }

    static func files(ofDefinition path: String) throws -> [GeneratedFile] {
        let pipeline = GenerationPipeline(templates: try TemplateSet.builtIn())
        switch try pipeline.run(definitionPath: path) {
        case .generated(let verified):
            let files = verified.files
            return files
        case .invalidDefinition(let problems), .invalidOutput(let problems):
            throw GenerationFailure(problems: problems.map(\.description))
        }
    }

    /// Writes an example's output into a fresh temporary directory.
    static func directory(ofExample name: String) throws -> String {
        let directory = try temporaryDirectory()
        _ = try OutputWriter(directory: directory).write(files(ofExample: name))
        return directory
    }

    /// Writes the output of an example with `extra` appended to its
    /// definition into a fresh temporary directory.
    static func directory(ofExample name: String, appending extra: String) throws -> String {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let text = try String(contentsOfFile: Fixtures.path("Examples/\(name).yaml"), encoding: .utf8) + extra
        try text.write(toFile: scratch + "/cluster.yaml", atomically: true, encoding: .utf8)
        let directory = try temporaryDirectory()
        _ = try OutputWriter(directory: directory).write(files(ofDefinition: scratch + "/cluster.yaml"))
        return directory
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appending(path: "smfkit-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

struct GenerationFailure: Error, CustomStringConvertible {
    var problems: [String]
    var description: String { problems.joined(separator: "\n") }
}
