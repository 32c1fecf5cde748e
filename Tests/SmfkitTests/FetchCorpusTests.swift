import Foundation
import TestSupport
import Testing

/// `Scripts/fetch-corpus` and its table of pinned sources.
@Suite struct FetchCorpusTests {
    static let table = PackageRoot.path("Scripts/corpus-sources.tsv")

    struct Row: Hashable {
        var repository, commit, path, destination: String
    }

    static func rows() throws -> [Row] {
        try String(contentsOfFile: table, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { line in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                try #require(fields.count == 4, "\(line)")
                return Row(repository: fields[0], commit: fields[1], path: fields[2], destination: fields[3])
            }
    }

    /// The table names every file of the corpus the tests read, and nothing
    /// else (the collectors' SOURCE.txt and NOTE.txt notes aside), so that a
    /// fetched corpus is the one the tests were written against.
    @Test(.needsCorpus) func theTableListsExactlyTheCorpusFiles() throws {
        let root = try Corpus.require()
        var onDisk = Set<String>()
        for folder in ["corpus", "smf"] {
            let base = root.appending(path: folder)
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            while let file = walker?.nextObject() as? URL {
                guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true,
                      !["SOURCE.txt", "NOTE.txt"].contains(file.lastPathComponent) else { continue }
                onDisk.insert(folder + "/" + String(file.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1)))
            }
        }
        let listed = try Self.rows().map(\.destination)
        #expect(listed.count == Set(listed).count, "a destination is listed twice")
        #expect(Set(listed) == onDisk,
                "unlisted: \(onDisk.subtracting(listed).sorted().prefix(10)), absent: \(Set(listed).subtracting(onDisk).sorted().prefix(10))")
        #expect(try Self.rows().allSatisfy { $0.commit.count == 40 && $0.commit.allSatisfy(\.isHexDigit) })
    }

    /// The fetch itself, against a local repository standing in for GitHub:
    /// a file at a pinned commit lands at its destination, and a later commit
    /// of the same file does not change what is fetched.
    @Test func fetchesEachFileAtItsPinnedCommit() throws {
        guard let git = findExecutable("git") else {
            #expect(!CI.isRunning, "git is needed")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appending(path: "smfkit-fetch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let upstream = scratch.appending(path: "base/example/repo.git")
        let work = scratch.appending(path: "work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        func gitIn(_ directory: URL, _ arguments: [String]) throws -> String {
            let run = try runProcess(git, ["-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments,
                                     directory: directory)
            try #require(run.succeeded, "git \(arguments): \(run.stderr)")
            return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try gitIn(work, ["init", "-q"])
        try FileManager.default.createDirectory(at: work.appending(path: "usr/src"), withIntermediateDirectories: true)
        try "pinned\n".write(to: work.appending(path: "usr/src/a.xml"), atomically: true, encoding: .utf8)
        _ = try gitIn(work, ["add", "."])
        _ = try gitIn(work, ["commit", "-q", "-m", "pinned"])
        let pinned = try gitIn(work, ["rev-parse", "HEAD"])
        try "later\n".write(to: work.appending(path: "usr/src/a.xml"), atomically: true, encoding: .utf8)
        _ = try gitIn(work, ["commit", "-q", "-am", "later"])
        try FileManager.default.createDirectory(at: upstream.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try gitIn(scratch, ["clone", "-q", "--bare", work.path, upstream.path])
        _ = try gitIn(upstream, ["config", "uploadpack.allowFilter", "true"])
        _ = try gitIn(upstream, ["config", "uploadpack.allowAnySHA1InWant", "true"])

        let table = scratch.appending(path: "sources.tsv")
        try "# repository\tcommit\tpath\tdestination\nexample/repo\t\(pinned)\tusr/src/a.xml\tcorpus/example/a.xml\n"
            .write(to: table, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["SMFKIT_CORPUS_SOURCES"] = table.path
        environment["SMFKIT_CORPUS_GIT_BASE"] = "file://" + scratch.appending(path: "base").path
        let target = scratch.appending(path: "corpus-root")
        let run = try runProcess(
            URL(fileURLWithPath: "/bin/sh"), [PackageRoot.path("Scripts/fetch-corpus"), target.path],
            environment: environment)
        #expect(run.succeeded, "\(run.stderr)")
        #expect(try String(contentsOf: target.appending(path: "corpus/example/a.xml"), encoding: .utf8) == "pinned\n")
    }
}
