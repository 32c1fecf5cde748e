import Foundation
import SMF
import Systemd
import TestSupport
import Testing

/// `smfkit convert` run as a user runs it; on the stack's installed Debian
/// units, `smfkit validate` and `smfkit plan` read what it wrote.
@Suite struct ConvertCommandTests {
    static let stack = [
        "etcd.service", "haproxy.service", "patroni.service", "patroni@.service", "postgresql@.service",
        "pg_basebackup@.service",
    ]
    static var isCI: Bool { CI.isRunning }

    func smfkit(_ arguments: [String]) throws -> ProcessRun {
        try Smfkit.run(arguments)
    }

    func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appending(path: "smfkit-convert-cli-\(UUID().uuidString)").path
    }

    func write(_ text: String, named name: String, in directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func installed(_ name: String) -> String? {
        ["/lib/systemd/system", "/usr/lib/systemd/system"].map { $0 + "/" + name }
            .first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Converts the unit, validates the output with `smfkit validate
    /// --strict`, and compares what `smfkit plan` says the start method runs
    /// with the unit's ExecStartPre/ExecStart/ExecStartPost argv, expanded as
    /// systemd expands them.
    @Test(arguments: stack)
    func planShowsTheCommandsTheUnitRuns(name: String) throws {
        guard let path = Self.installed(name) else {
            #expect(!Self.isCI, "\(name) is not installed (Debian packages etcd-server, haproxy, patroni, postgresql)")
            return
        }
        let out = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let converted = try smfkit(["convert", path, "--instance", "main", "--out", out])
        #expect(converted.status == 0, "\(converted.stderr)")

        let manifests = try FileManager.default.contentsOfDirectory(atPath: out + "/manifests").map { out + "/manifests/" + $0 }
        let validated = try smfkit(["validate", "--strict"] + manifests)
        #expect(validated.status == 0 && validated.stderr.isEmpty, "\(validated.stderr)")

        let unitName = try #require(UnitName(name))
        let node = unitName.isTemplate ? "main" : "default"
        let planned = try smfkit(["plan", out, "--node", node, "--format", "json"])
        #expect(planned.status == 0, "\(planned.stderr)")
        let entry = try #require(try JSONDecoder().decode([PlanEntry].self, from: Data(planned.stdout.utf8)).first)

        let unit = try #require(UnitAssembler.assemble([(path, try String(contentsOfFile: path, encoding: .utf8))]).units.first)
        let expected = try ["ExecStartPre", "ExecStart", "ExecStartPost"].flatMap { key in
            try unit.list("Service", key).flatMap { assignment in
                ExecLineParser.parse(assignment, unit: unitName).commands
            }.map { try systemdArgv($0, unit: unit, instance: node) }
        }
        let actual = try startCommands(entry, out: out).map { try shellArgv($0, environment: entry.environment) }
        #expect(!expected.isEmpty)
        #expect(actual == expected)
    }

    /// The start method's commands: the exec line itself, or the commands of
    /// the method script's start arm it runs.
    func startCommands(_ entry: PlanEntry, out: String) throws -> [String] {
        let prefix = "/lib/svc/method/"
        guard entry.exec.hasPrefix(prefix), entry.exec.hasSuffix(" start") else { return [entry.exec] }
        let scriptName = String(entry.exec.dropFirst(prefix.count).dropLast(" start".count))
        let script = try String(contentsOfFile: out + "/methods/" + scriptName, encoding: .utf8)
        let arm = script.components(separatedBy: "\nstart)\n").dropFirst().first?.components(separatedBy: "\n    ;;").first ?? ""
        return arm.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.hasPrefix("exec ") ? String($0.dropFirst(5)) : $0 }
            .filter { $0.hasPrefix("/") }
            .map { $0.hasSuffix(" || true") ? String($0.dropLast(8)) : $0 }
    }

    /// The words /bin/sh makes of a command line, in this environment.
    func shellArgv(_ command: String, environment: [String: String]) throws -> [String] {
        var merged = environment
        merged["PATH"] = "/usr/bin:/bin"
        let run = try Command.run("/bin/sh", ["-c", #"eval "set -- $1"; for a do printf '%s\0' "$a"; done"#, "sh", command],
                                  environment: merged, timeout: 10)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// argv as systemd builds it (systemd.service(5) "Command lines"):
    /// specifiers resolved, `$NAME` alone split at whitespace, `${NAME}`
    /// replaced in place, from the unit's Environment= (environment files
    /// are absent here).
    func systemdArgv(_ command: ExecCommand, unit: SystemdUnit, instance: String) throws -> [String] {
        var environment: [String: String] = [:]
        for assignment in unit.list("Service", "Environment") {
            for word in WordSplitter.words(assignment.value) {
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                environment[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
        }
        var argv: [String] = []
        for pieces in [command.path] + command.arguments {
            let word = try pieces.map { piece -> String in
                switch piece {
                case .literal(let text): return text
                case .specifier(.instance), .specifier(.unescapedInstance): return instance
                case .specifier(let other): throw Unexpected(description: "specifier %\(other.rawValue) in the stack's units")
                }
            }.joined()
            if word.hasPrefix("$"), !word.hasPrefix("${"), word.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                argv += (environment[String(word.dropFirst())] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                continue
            }
            var expanded = word
            for (name, value) in environment { expanded = expanded.replacingOccurrences(of: "${\(name)}", with: value) }
            argv.append(expanded)
        }
        return argv
    }

    struct Unexpected: Error, CustomStringConvertible { var description: String }

    @Test func aUnitThatCannotBeRepresentedExitsOneWithItsLine() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let unit = try write("[Unit]\nDescription=x\n\n[Service]\nType=simple\n", named: "broken.service", in: directory)
        let run = try smfkit(["convert", unit, "--out", directory + "/out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.service:5:1: error: ") && run.stderr.contains("[convert.refused]"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
    }

    @Test func strictFailsOnWarningsAndWritesNothing() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let unit = try write("[Service]\nExecStart=/bin/s\nPrivateTmp=yes\n", named: "s.service", in: directory)
        let strict = try smfkit(["convert", unit, "--strict", "--out", directory + "/out"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("s.service:3:1: error: PrivateTmp=yes: "))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        let lenient = try smfkit(["convert", unit])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("s.service:3:1: warning: PrivateTmp=yes: "))
        #expect(lenient.stdout.hasPrefix("<?xml"), "one manifest goes to stdout without --out")
    }

    @Test func usageAndInputErrorsExitTwo() throws {
        #expect(try smfkit(["convert"]).status == 2)
        #expect(try smfkit(["convert", "/nonexistent/x.service"]).status == 2)
        #expect(try smfkit(["convert", "/nonexistent/x.service", "--instance", "15-main"]).status == 2)
        #expect(try smfkit(["convert", "a.service", "b.service", "--service-name", "site/x"]).status == 2)
    }

    @Test func convertingAgainIntoItsOwnOutputChangesNothing() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let unit = try write("[Service]\nExecStart=/bin/a\nExecStartPre=/bin/b\n", named: "a.service", in: directory)
        let first = try smfkit(["convert", unit, "--out", directory + "/out", "--service-name", "site/a"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: directory + "/out/methods/svc-a"))
        let second = try smfkit(["convert", unit, "--out", directory + "/out", "--service-name", "site/a"])
        #expect(second.stdout.contains("2 files in \(directory)/out: 0 written, 2 unchanged"), "\(second.stdout)")
    }
}
