import Foundation
import Testing
@testable import Cluster
import Output

@Suite final class OutputWriterTests {
    let directory: String

    init() throws {
        directory = try Generated.temporaryDirectory()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func files(_ names: String...) -> [GeneratedFile] {
        names.map { GeneratedFile(path: $0, contents: "content of \($0)\n") }
    }

    @Test func refusesANonEmptyDirectoryItDidNotGenerate() throws {
        _ = FileManager.default.createFile(atPath: directory + "/precious.txt", contents: Data("mine".utf8))
        #expect(throws: WriteError.self) { try OutputWriter(directory: directory).write(files("a.txt")) }
        #expect(!FileManager.default.fileExists(atPath: directory + "/a.txt"))
        #expect(try String(contentsOfFile: directory + "/precious.txt", encoding: .utf8) == "mine")
    }

    @Test func forceWritesIntoAForeignDirectoryAndKeepsWhatWasThere() throws {
        _ = FileManager.default.createFile(atPath: directory + "/precious.txt", contents: Data("mine".utf8))
        _ = try OutputWriter(directory: directory, force: true).write(files("a.txt"))
        #expect(FileManager.default.fileExists(atPath: directory + "/a.txt"))
        #expect(FileManager.default.fileExists(atPath: directory + "/precious.txt"))
    }

    @Test func removesWhatThePreviousGenerationWroteAndThisOneDoesNot() throws {
        _ = try OutputWriter(directory: directory).write(files("keep.txt", "gone/old.txt"))
        let report = try OutputWriter(directory: directory).write(files("keep.txt"))
        #expect(report.removed == ["gone/old.txt"])
        #expect(!FileManager.default.fileExists(atPath: directory + "/gone"))
        #expect(FileManager.default.fileExists(atPath: directory + "/keep.txt"))
    }

    @Test(arguments: ["../escape.txt", "/etc/passwd", "a/../../b", "", "a//b", "./a"])
    func neverWritesOutsideTheDirectory(path: String) throws {
        #expect(throws: WriteError.self) {
            try OutputWriter(directory: directory).write([GeneratedFile(path: path, contents: "x")])
        }
        let parent = (directory as NSString).deletingLastPathComponent
        #expect(!FileManager.default.fileExists(atPath: parent + "/escape.txt"))
    }

    @Test func refusesToWriteThroughASymbolicLink() throws {
        let outside = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        _ = try OutputWriter(directory: directory).write(files("manifests/a.xml"))
        try FileManager.default.removeItem(atPath: directory + "/manifests")
        try FileManager.default.createSymbolicLink(atPath: directory + "/manifests", withDestinationPath: outside)
        #expect(throws: WriteError.self) { try OutputWriter(directory: directory).write(files("manifests/a.xml")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    /// A directory the previous generation wrote, replaced by a link to
    /// somewhere else: its files are no longer ours to remove.
    @Test func neverRemovesFilesThroughASymbolicLink() throws {
        let outside = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        _ = try OutputWriter(directory: directory).write(files("keep.txt", "config/old.cfg"))
        try FileManager.default.removeItem(atPath: directory + "/config")
        try FileManager.default.createSymbolicLink(atPath: directory + "/config", withDestinationPath: outside)
        _ = FileManager.default.createFile(atPath: outside + "/old.cfg", contents: Data("precious".utf8))
        let report = try OutputWriter(directory: directory).write(files("keep.txt"))
        #expect(report.removed.isEmpty)
        #expect(try String(contentsOfFile: outside + "/old.cfg", encoding: .utf8) == "precious")
    }

    @Test func setsTheModeAskedForWhateverTheUmask() throws {
        _ = try OutputWriter(directory: directory).write([
            GeneratedFile(path: "deploy.sh", contents: "#!/bin/sh\n", mode: 0o755),
            GeneratedFile(path: "secret", contents: "x", mode: 0o600),
        ])
        let script = try FileManager.default.attributesOfItem(atPath: directory + "/deploy.sh")
        let secret = try FileManager.default.attributesOfItem(atPath: directory + "/secret")
        #expect((script[.posixPermissions] as? NSNumber)?.intValue == 0o755)
        #expect((secret[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
