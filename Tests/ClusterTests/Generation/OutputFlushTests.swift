import Foundation
import Testing
@testable import Output

/// The writer flushes the staging tree once (syncfs) before the marker and
/// the switch; where syncfs cannot be used it fsyncs each file, and a file
/// it cannot flush fails the write instead of being switched in unflushed.
@Suite struct OutputFlushTests {
    @Test func theFallbackFlushesEachFileAndRefusesAMissingOne() throws {
        let directory = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try OutputTree.create(directory + "/a", bytes: Array("a\n".utf8), mode: 0o644, flush: false)
        // A root that cannot be opened takes the per-file path.
        try OutputTree.flushTree(directory + "/no-such-root", paths: [directory + "/a"], directories: [directory])
        #expect(throws: WriteError.self) {
            try OutputTree.flushTree(directory + "/no-such-root", paths: [directory + "/missing"], directories: [])
        }
        // The file system's own flush.
        try OutputTree.flushTree(directory, paths: [directory + "/a"], directories: [directory])
        #expect(FileManager.default.contents(atPath: directory + "/a") == Data("a\n".utf8))
    }
}
