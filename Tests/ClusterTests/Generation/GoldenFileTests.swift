import Foundation
import Testing
@testable import Cluster
import Output

/// The generated output of each bundled example, kept under
/// Tests/ClusterTests/Golden/<example>/ so a change shows up as a diff to
/// review. To accept a deliberate change:
///
///     SMFKIT_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests
@Suite struct GoldenFileTests {
    static let root = Fixtures.path("Tests/ClusterTests/Golden")
    static let updating = ProcessInfo.processInfo.environment["SMFKIT_UPDATE_GOLDEN"] == "1"

    @Test(arguments: Generated.examples)
    func generatedOutputMatchesTheGoldenFiles(example: String) throws {
        let files = try Generated.files(ofExample: example)
        let directory = Self.root + "/" + example
        if Self.updating {
            try? FileManager.default.removeItem(atPath: directory)
            _ = try OutputWriter(directory: directory).write(files)
            try? FileManager.default.removeItem(atPath: directory + "/" + OutputWriter.markerName)
            try? FileManager.default.removeItem(atPath: directory + "/" + OutputWriter.lockName)
            return
        }
        var expected = Set<String>()
        if let walker = FileManager.default.enumerator(atPath: directory) {
            for case let path as String in walker {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory)
                if !isDirectory.boolValue { expected.insert(path) }
            }
        }
        #expect(Set(files.map(\.path)) == expected, "the set of generated files changed")
        for file in files {
            let golden = try? String(contentsOfFile: directory + "/" + file.path, encoding: .utf8)
            #expect(golden == file.contents, "\(example)/\(file.path) differs from its golden file")
        }
    }
}
