import Foundation
import TestSupport
import Testing
@testable import Cluster
@testable import Output

/// The marker, the lock and `--out` itself (issue 11): smfkit replaces or
/// removes only what is still as it wrote it, one generate at a time, and
/// says plainly what `--out` is when it cannot use it.
@Suite final class OutputWriterSafetyTests {
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

    private func text(_ relative: String) -> String? {
        try? String(contentsOfFile: directory + "/" + relative, encoding: .utf8)
    }

    private func write(_ relative: String, _ contents: String) throws {
        try contents.write(toFile: directory + "/" + relative, atomically: false, encoding: .utf8)
    }

    @Test func theMarkerIsWhatSha256sumChecks() throws {
        _ = try OutputWriter(directory: directory).write(files("a.txt", "manifests/b.xml"))
        let marker = try #require(text(OutputWriter.markerName))
        #expect(marker == """
            \(ContentHash.sha256(Array("content of a.txt\n".utf8)))  a.txt
            \(ContentHash.sha256(Array("content of manifests/b.xml\n".utf8)))  manifests/b.xml

            """)
        let sha256sum = try #require(findExecutable("sha256sum"), "sha256sum (coreutils) is not installed")
        let check = try runProcess(sha256sum, ["--check", "--quiet", OutputWriter.markerName],
                                   directory: URL(fileURLWithPath: directory))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test(arguments: [("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                      (String(repeating: "a", count: 1000),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")])
    func sha256KnownAnswers(input: String, expected: String) {
        #expect(ContentHash.sha256(Array(input.utf8)) == expected)
    }

    /// Repro: adding `notes.txt` to the marker made the next run delete it.
    @Test func aLineAddedToTheMarkerDeletesNothing() throws {
        _ = try OutputWriter(directory: directory).write(files("a.txt"))
        try write("notes.txt", "mine\n")
        let marker = try #require(text(OutputWriter.markerName))
        try write(OutputWriter.markerName, marker + "notes.txt\n")
        let report = try OutputWriter(directory: directory).write(files("a.txt"))
        #expect(text("notes.txt") == "mine\n")
        #expect(report.removed.isEmpty)
        // Even with a hash (of other content): it is not what smfkit wrote.
        try write(OutputWriter.markerName, marker + "\(ContentHash.sha256([]))  notes.txt\n")
        _ = try OutputWriter(directory: directory).write(files("a.txt"))
        #expect(text("notes.txt") == "mine\n")
    }

    /// Repro: a generated file the user edited was deleted without a word
    /// when it dropped out of the generation (patroni → stolon).
    @Test func anEditedFileThatDropsOutIsKeptAndReported() throws {
        _ = try OutputWriter(directory: directory).write(files("a.txt", "config/patroni.yml"))
        try write("config/patroni.yml", "tuned by hand\n")
        let report = try OutputWriter(directory: directory).write(files("a.txt", "config/stolon.conf"))
        #expect(text("config/patroni.yml") == "tuned by hand\n")
        #expect(report.removed.isEmpty)
        #expect(report.kept == [.init(path: "config/patroni.yml", reason: .edited, stillGenerated: false)])
        #expect(text("config/stolon.conf") == "content of config/stolon.conf\n")
    }

    @Test func anEditedFileStillGeneratedIsKeptUnlessForced() throws {
        _ = try OutputWriter(directory: directory).write(files("a.txt"))
        try write("a.txt", "edited\n")
        let kept = try OutputWriter(directory: directory).write(files("a.txt"))
        #expect(text("a.txt") == "edited\n")
        #expect(kept.kept == [.init(path: "a.txt", reason: .edited, stillGenerated: true)])
        #expect(kept.written.isEmpty)
        // Still reported as edited the next time.
        #expect(try OutputWriter(directory: directory).write(files("a.txt")).kept.map(\.reason) == [.edited])

        let forced = try OutputWriter(directory: directory, force: true).write(files("a.txt"))
        #expect(text("a.txt") == "content of a.txt\n")
        #expect(forced.overwritten == [.init(path: "a.txt", reason: .edited, stillGenerated: true)])
        #expect(try OutputWriter(directory: directory).write(files("a.txt")).kept.isEmpty)
    }

    @Test func forceNamesTheForeignFilesItOverwrites() throws {
        try write("a.txt", "not smfkit's\n")
        try write("other.txt", "kept\n")
        let report = try OutputWriter(directory: directory, force: true).write(files("a.txt"))
        #expect(report.overwritten == [.init(path: "a.txt", reason: .notGenerated, stillGenerated: true)])
        #expect(text("other.txt") == "kept\n")
    }

    @Test func aSecondGenerateWhileOneHoldsTheLockFails() throws {
        _ = try OutputWriter(directory: directory).write(files("a.txt"))
        let descriptor = open(directory + "/" + OutputWriter.lockName, O_RDWR)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        do {
            _ = try OutputWriter(directory: directory).write(files("b.txt"))
            Issue.record("wrote while another held the lock")
        } catch {
            #expect(error.message.contains("another smfkit generate is writing this directory now"))
        }
        #expect(text("b.txt") == nil)
        flock(descriptor, LOCK_UN)
        _ = try OutputWriter(directory: directory).write(files("b.txt"))
        #expect(text("b.txt") != nil)
    }

    /// A child forked on another thread holds a copy of the lock's descriptor
    /// until its exec closes it (what failed CI once): a lock released within
    /// the grace is waited for, not reported as another generate.
    @Test func aLockReleasedWithinTheGraceIsWaitedFor() throws {
        _ = try OutputWriter(directory: directory).write(files("a.txt"))
        let descriptor = open(directory + "/" + OutputWriter.lockName, O_RDWR)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let releaser = Thread {
            usleep(200_000)
            close(descriptor)
        }
        releaser.start()
        let report = try OutputWriter(directory: directory).write(files("a.txt", "b.txt"))
        #expect(report.unchanged == ["a.txt"])
        #expect(text("b.txt") == "content of b.txt\n")
    }

    /// What a killed run leaves: a half-built generation beside the
    /// directory, temporary files of older versions inside it.
    @Test func leftoversOfKilledRunsAreCleanedUpWithoutForce() throws {
        _ = try OutputWriter(directory: directory).write(files("a.txt"))
        let staging = GenerationSwitch(directory: directory).staging
        try FileManager.default.createDirectory(atPath: staging + "/manifests", withIntermediateDirectories: true)
        try write("a.txt.smfkit-tmp-4242", "half")
        let report = try OutputWriter(directory: directory).write(files("a.txt"))
        #expect(report.cleanedUp.sorted() == [staging, directory + "/a.txt.smfkit-tmp-4242"].sorted())
        #expect(OutputTree.kind(at: staging) == nil)
        #expect(text("a.txt.smfkit-tmp-4242") == nil)
    }

    /// Where the file system cannot swap, two renames switch; killed
    /// between them, the next run puts a whole generation back.
    @Test(arguments: [true, false])
    func aSwitchInterruptedBetweenTheTwoRenamesIsRepaired(stagingComplete: Bool) throws {
        _ = try OutputWriter(directory: directory).write(files("old.txt"))
        let generationSwitch = GenerationSwitch(directory: directory)
        try FileManager.default.createDirectory(atPath: generationSwitch.staging, withIntermediateDirectories: true)
        try "content of new.txt\n".write(toFile: generationSwitch.staging + "/new.txt", atomically: false, encoding: .utf8)
        if stagingComplete {
            let marker = GenerationMarker(files: files("new.txt")).rendered()
            try marker.write(toFile: generationSwitch.staging + "/" + OutputWriter.markerName, atomically: false, encoding: .utf8)
        }
        #expect(rename(directory, generationSwitch.old) == 0)
        _ = try OutputWriter(directory: directory).write(files("third.txt"))
        // The restored generation was smfkit's: the run replaced it cleanly.
        #expect(text("third.txt") != nil)
        #expect(text("old.txt") == nil && text("new.txt") == nil)
        #expect(OutputTree.kind(at: generationSwitch.old) == nil && OutputTree.kind(at: generationSwitch.staging) == nil)
    }

    @Test func aSymlinkToADirectoryIsWrittenThrough() throws {
        let link = directory + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory)
        defer { unlink(link) }
        let report = try OutputWriter(directory: link).write(files("a.txt"))
        #expect(report.resolvedDirectory == directory)
        #expect(text("a.txt") == "content of a.txt\n")
        #expect(OutputTree.kind(at: link)?.kind == .symbolicLink)
    }

    @Test func aDanglingSymlinkSaysWhereItPoints() throws {
        let link = directory + "/dangling"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory + "/nowhere")
        do {
            _ = try OutputWriter(directory: link).write(files("a.txt"))
            Issue.record("wrote through a dangling link")
        } catch {
            #expect(error.description == "\(link): error: is a symbolic link to \(directory)/nowhere, which does not "
                + "exist; create that directory or choose another --out")
        }
        #expect(OutputTree.kind(at: directory + "/nowhere") == nil)
    }

    @Test func aFileIsNamedAsAFile() throws {
        try write("plain", "x")
        #expect {
            _ = try OutputWriter(directory: directory + "/plain").write(files("a.txt"))
        } throws: { error in
            (error as? WriteError)?.message == "is a file, not a directory; choose another --out"
        }
    }

    @Test func nothingChangedMeansNothingTouched() throws {
        _ = try OutputWriter(directory: directory).write(files("a.txt"))
        var before = stat()
        stat(directory + "/a.txt", &before)
        let report = try OutputWriter(directory: directory).write(files("a.txt"))
        var after = stat()
        stat(directory + "/a.txt", &after)
        #expect(report.unchanged == ["a.txt"])
        #expect(before.st_ino == after.st_ino)
    }
}
