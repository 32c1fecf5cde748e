import Foundation
import TestSupport
import Testing

/// `Scripts/refresh-tribblix-packages`, which writes the package list
/// smfkit embeds. Run on fixtures here, never against the network.
@Suite struct RefreshTribblixPackagesTests {
    static let script = URL(fileURLWithPath: PackageRoot.path("Scripts/refresh-tribblix-packages"))

    static func refresh(_ arguments: [String]) throws -> ProcessRun {
        try runProcess(script, arguments, environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
    }

    @Test func catalogOverlaysBuildTreeAndNamesMakeOneSortedList() throws {
        let scratch = try Scratch.directory("refresh-packages")
        func write(_ text: String, _ path: String) throws {
            let url = scratch.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("TRIBx\nTRIBy\n", "overlays/b.pkgs")
        try write("TRIBy\nTRIBold\n", "overlays/a.pkgs")
        try write("TRIBz|1.0.0|TRIBx|131550|0fd09600113ad74c28e9463c7f8393ee|\n", "catalog")
        try write("P TRIBdep\nI TRIBconflict\n", "build/TRIBz/depend")
        try write("P TRIBgone\n", "build/TRIBz@history/depend")
        try write("TRIBold\n", "deprecated.pkgs")
        try write("TRIBw   # from somewhere else\n# a comment\n", "names.txt")
        let run = try Self.refresh([
            "--catalog", scratch.appending(path: "catalog").path, "--overlays", scratch.appending(path: "overlays").path,
            "--build", scratch.appending(path: "build").path, "--deprecated", scratch.appending(path: "deprecated.pkgs").path,
            "--names", scratch.appending(path: "names.txt").path, "--source", "fixtures",
        ])
        #expect(run.succeeded, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { !$0.hasPrefix("#") } == ["TRIBdep", "TRIBw", "TRIBx b", "TRIBy a b", "TRIBz"])
        #expect(lines.contains("#   fixtures"))
        // The same input, the same bytes.
        #expect(try Self.refresh([
            "--catalog", scratch.appending(path: "catalog").path, "--overlays", scratch.appending(path: "overlays").path,
            "--build", scratch.appending(path: "build").path, "--deprecated", scratch.appending(path: "deprecated.pkgs").path,
            "--names", scratch.appending(path: "names.txt").path, "--source", "fixtures",
        ]).stdout == run.stdout)
    }

    @Test func badInputIsRefusedSayingWhy() throws {
        let scratch = try Scratch.directory("refresh-packages-bad")
        let notCatalog = scratch.appending(path: "catalog").path
        try "just words\n".write(toFile: notCatalog, atomically: true, encoding: .utf8)
        let run = try Self.refresh(["--catalog", notCatalog])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is not a zap catalog"))
        let nothing = try Self.refresh([])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("give at least one"))
    }

    /// The checked-in list is what the documented command makes from the corpus.
    @Test(.needsCorpus) func theEmbeddedListIsTheCorpusRefreshed() throws {
        let tribblix = try Corpus.path("tribblix")
        let run = try Self.refresh([
            "--overlays", tribblix + "/overlays", "--build", tribblix + "/packages",
            "--deprecated", tribblix + "/overlays/zap-deprecated/deprecated.pkgs",
            "--names", PackageRoot.path("Scripts/tribblix-packages-reference.txt"),
            "--source", "tribblix/overlays 58eb680f661c (2026-08-21), tribblix/build 9d543fdc672f (depend files), zap 8c504b2d0e74 (deprecated.pkgs)",
            "--source", "Scripts/tribblix-packages-reference.txt",
        ])
        #expect(run.succeeded, "\(run.stderr)")
        let embedded = try String(contentsOfFile: PackageRoot.path("Sources/Tribblix/Data/tribblix-packages.txt"), encoding: .utf8)
        #expect(run.stdout == embedded, "Sources/Tribblix/Data/tribblix-packages.txt is stale; rerun the command in Scripts/refresh-tribblix-packages")
        #expect(!embedded.contains("TRIBblix-stolon"), "Tribblix dropped stolon in 2024")
    }
}
