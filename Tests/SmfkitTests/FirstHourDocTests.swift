import Foundation
import TestSupport
import Testing

/// docs/first-hour.md, run: every `$ command` of its console blocks, in
/// order, in one scratch directory holding the files its `<!-- file: NAME -->`
/// blocks give, with the built smfkit first on PATH and stderr merged into
/// stdout as a terminal shows them. Each output must be the one the page
/// shows; `…` stands for any text within a line, or, alone on a line, for
/// any number of lines. `SMFKIT_UPDATE_DOCS=1` rewrites the outputs that
/// no longer match.
@Suite struct FirstHourDocTests {
    enum Step {
        case file(name: String, text: String)
        case command(String, expected: [String])
    }

    static func steps(of document: String) -> [Step] {
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var steps: [Step] = []
        var index = 0
        var pendingFile: String?
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("<!-- file: "), line.hasSuffix(" -->") {
                pendingFile = String(line.dropFirst("<!-- file: ".count).dropLast(" -->".count))
            } else if line.hasPrefix("```") && line.count > 3 {
                var body: [String] = []
                index += 1
                while index < lines.count, lines[index] != "```" { body.append(lines[index]); index += 1 }
                if line == "```console" {
                    var command: String?
                    var expected: [String] = []
                    for entry in body {
                        if entry.hasPrefix("$ ") {
                            if let command { steps.append(.command(command, expected: expected)) }
                            command = String(entry.dropFirst(2))
                            expected = []
                        } else {
                            expected.append(entry)
                        }
                    }
                    if let command { steps.append(.command(command, expected: expected)) }
                } else if let name = pendingFile {
                    steps.append(.file(name: name, text: body.joined(separator: "\n") + "\n"))
                }
                pendingFile = nil
            }
            index += 1
        }
        return steps
    }

    /// Whether `actual` lines are what `expected` shows, `…` as above.
    static func matches(_ actual: ArraySlice<String>, _ expected: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "…" {
            return (actual.startIndex...actual.endIndex).contains { matches(actual[$0...], expected.dropFirst()) }
        }
        guard let line = actual.first, lineMatches(line, first) else { return false }
        return matches(actual.dropFirst(), expected.dropFirst())
    }

    static func lineMatches(_ line: String, _ pattern: String) -> Bool {
        let parts = pattern.components(separatedBy: "…")
        guard parts.count > 1 else { return line == pattern }
        guard line.hasPrefix(parts[0]), line.dropFirst(parts[0].count).hasSuffix(parts[parts.count - 1]) else {
            return false
        }
        var rest = Substring(line.dropFirst(parts[0].count).dropLast(parts[parts.count - 1].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    @Test func theWalkthroughsCommandsGiveTheOutputsItShows() throws {
        let document = try String(contentsOf: PackageRoot.url.appending(path: "docs/first-hour.md"), encoding: .utf8)
        let steps = Self.steps(of: document)
        let commands = steps.filter { if case .command = $0 { true } else { false } }
        #expect(commands.count >= 20, "the page lost its commands")
        #expect(steps.contains { if case .file(name: "cluster.yaml", _) = $0 { true } else { false } })

        // SMFKIT_UPDATE_DOCS=1 rewrites each output that no longer matches
        // with what smfkit printed (review the diff, put back any `…`).
        let update = ProcessInfo.processInfo.environment["SMFKIT_UPDATE_DOCS"] == "1"
        var rewritten = document
        let directory = try Scratch.directory("first-hour")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Smfkit.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        for step in steps {
            switch step {
            case .file(let name, let text):
                try text.write(to: directory.appending(path: name), atomically: true, encoding: .utf8)
            case .command(let command, let expected):
                let run = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "exec 2>&1; " + command],
                                         environment: environment, directory: directory, timeout: 120)
                var actual = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if actual.last == "" { actual.removeLast() }
                let matched = Self.matches(actual[...], expected[...])
                if update, !matched {
                    let shown = (["$ " + command] + expected).joined(separator: "\n") + "\n"
                    let printed = (["$ " + command] + actual).joined(separator: "\n") + "\n"
                    rewritten = rewritten.replacingOccurrences(of: shown, with: printed)
                    continue
                }
                #expect(matched,
                        "$ \(command)\n--- the page shows:\n\(expected.joined(separator: "\n"))\n--- smfkit printed:\n\(run.stdout)")
            }
        }
        if update, rewritten != document {
            try rewritten.write(to: PackageRoot.url.appending(path: "docs/first-hour.md"), atomically: true, encoding: .utf8)
        }
    }

    @Test func theMatcherElidesOnlyWhereThePageSaysSo() {
        #expect(Self.lineMatches("smfkit: 39 files in out", "smfkit: … files in out"))
        #expect(!Self.lineMatches("smfkit: 39 files in tmp", "smfkit: … files in out"))
        #expect(Self.matches(["a", "b", "c"], ["a", "…"]))
        #expect(Self.matches(["a"], ["a", "…"]))
        #expect(!Self.matches(["a", "b"], ["a"]))
        #expect(!Self.matches(["a", "x", "c"], ["a", "…", "d"]))
    }
}
