@testable import Convert
import Diagnostics
import Foundation
import SMF
import Systemd
import TestSupport
import Testing
import Output

/// The units this machine has installed, read where they are (never copied
/// into the repository): the stack's Debian units, then every `.service`.
/// Absent units skip with a reason, and fail under CI=true.
@Suite struct InstalledUnitTests {
    static let stack = [
        "etcd.service", "haproxy.service", "patroni.service", "patroni@.service", "postgresql@.service",
        "pg_basebackup@.service",
    ]
    static let options = ConversionOptions(instances: ["main"])

    static func source(_ path: String) throws -> (path: String, text: String) {
        (path, try TestPaths.read(path))
    }

    @Test(arguments: stack)
    func stackUnitConvertsWithoutRefusal(name: String) throws {
        guard let path = TestPaths.installedUnit(name) else {
            #expect(!TestPaths.required, "\(name) is not installed (Debian packages etcd-server, haproxy, patroni, postgresql)")
            return
        }
        let outcome = ConversionPipeline(options: Self.options).run(sources: [try Self.source(path)])
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(outcome.files.contains { $0.path.hasPrefix("manifests/") })
        try expectValidAgainstIllumosDTD(outcome.files)
        try expectShellcheckClean(outcome.files)
    }

    /// Every `.service` of the machine, each in its own run (as a packager
    /// converts one at a time): nothing crashes, each is converted or
    /// refused with a located reason, every output passes the validator and
    /// the illumos DTD, and every directive the converter does not map has a
    /// warning at its line.
    @Test func everyInstalledServiceConvertsOrIsRefusedWithAReason() throws {
        let paths = TestPaths.installedServices()
        guard !paths.isEmpty else {
            #expect(!TestPaths.required, "no .service files in \(TestPaths.unitDirectories)")
            return
        }
        var allFiles: [GeneratedFile] = []
        var refused = 0
        for path in paths {
            let source = try Self.source(path)
            let outcome = ConversionPipeline(options: Self.options).run(sources: [source])
            switch outcome {
            case .invalidOutput(let problems):
                Issue.record("\(path): smfkit's own output is invalid: \(problems)")
            case .refused(let errors):
                refused += 1
                #expect(errors.contains { $0.severity == .error && $0.location.file == path && $0.location.line > 0 },
                        "\(path): a refusal names the line")
            case .converted(let files, let units, let warnings):
                let base = (path as NSString).lastPathComponent
                allFiles += files.map { GeneratedFile(path: base + "/" + $0.path, contents: $0.contents, mode: $0.mode) }
                let warnedLines = Set(warnings.map(\.location.line))
                for assignment in units.flatMap(\.unit.assignments) where !DirectiveTable.isMapped(assignment) {
                    #expect(warnedLines.contains(assignment.location.line),
                            "\(path):\(assignment.location.line): \(assignment.key)= is neither mapped nor reported")
                }
                #expect(warnings.allSatisfy { $0.location.file == path && $0.location.line > 0 })
            }
        }
        #expect(refused < paths.count)
        try expectValidAgainstIllumosDTD(allFiles)
        try expectShellcheckClean(allFiles)
    }

    /// The installed stack converted in one run: units that name each other
    /// are linked by FMRI instead of warned about.
    @Test func theStackInOneRunLinksItsUnits() throws {
        let paths = ["pg_basebackup@.service", "postgresql@.service"].compactMap(TestPaths.installedUnit)
        guard paths.count == 2 else {
            #expect(!TestPaths.required, "postgresql is not installed")
            return
        }
        let outcome = ConversionPipeline(options: Self.options).run(sources: try paths.map(Self.source))
        let xml = try #require(outcome.file("manifests/pg_basebackup.xml"))
        #expect(xml.contains(#"<service_fmri value="svc:/application/postgresql:main"/>"#))
        #expect(!outcome.warnings.contains { $0.rule == ConvertRuleID.dependency && $0.message.contains("postgresql@") })
    }

    func expectValidAgainstIllumosDTD(_ files: [GeneratedFile]) throws {
        let manifests = files.filter { $0.path.hasSuffix(".xml") }
        guard let xmllint = findExecutable("xmllint"), Corpus.shouldRun else {
            #expect(!TestPaths.required, "xmllint is missing")
            return
        }
        let illumosDTD = try Corpus.illumosDTD()
        let directory = try temporaryDirectory(with: manifests)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try runProcess(xmllint, ["--noout", "--nonet", "--dtdvalid", illumosDTD.path]
            + manifests.map { directory + "/" + $0.path })
        #expect(run.status == 0, "\(run.stdout.prefix(2000))\(run.stderr.prefix(2000))")
    }

    func expectShellcheckClean(_ files: [GeneratedFile]) throws {
        let scripts = files.filter { $0.mode & 0o111 != 0 }
        guard !scripts.isEmpty else { return }
        guard let shellcheck = findExecutable("shellcheck") else {
            #expect(!TestPaths.required, "shellcheck is not installed")
            return
        }
        let directory = try temporaryDirectory(with: scripts)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try runProcess(shellcheck, ["--shell=sh", "--severity=style"] + scripts.map { directory + "/" + $0.path })
        #expect(run.status == 0, "\(run.stdout.prefix(4000))")
    }

    func temporaryDirectory(with files: [GeneratedFile]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appending(path: "smfkit-convert-\(UUID().uuidString)").path
        for file in files {
            let path = directory + "/" + file.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try file.contents.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return directory
    }
}
