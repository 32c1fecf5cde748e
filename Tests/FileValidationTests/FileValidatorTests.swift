import Foundation
import SMF
import TestSupport
import Testing
@testable import FileValidation

@Suite struct FileValidatorTests {
    let validator = FileValidator(smf: Validator(dtd: .embedded))

    private func scratchFile(_ name: String, _ contents: Data) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appending(path: "smfkit-fv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: contents)
        return path
    }

    @Test(.needsCorpus) func aTribblixOverlayIsLintedAndAManifestValidatedInOneRun() throws {
        let overlay = try Corpus.path("tribblix/overlays/patroni.ovl")
        let manifest = try Corpus.path("thirdparty/tribblix+build/patches/haproxy2.xml")
        let typo = try scratchFile("pgha.ovl", Data("VERSION=1\nNAME=x\nREQUIRE=base\n".utf8))
        let reports = validator.validate(paths: [overlay, manifest, typo])
        #expect(reports.map(\.path) == [overlay, manifest, typo], "reports come back in the order asked")
        #expect(reports[0].isValid, "\(reports[0].diagnostics)")
        #expect(reports[1].isValid, "\(reports[1].diagnostics)")
        #expect(!reports[2].isValid)
        #expect(reports[2].diagnostics.map(\.rule).contains("tribblix.ovl.unknown-key"))
    }

    @Test func aDescriptorThatIsNotTextIsReportedNotCrashedOn() throws {
        let passing = try scratchFile("depend", Data("P TRIBblix-etcd\n".utf8))
        let failing = try scratchFile("depend", Data([0x50, 0x20, 0xFF, 0xFE, 0x0A]))
        #expect(validator.validate(paths: [passing])[0].isValid)
        let report = validator.validate(paths: [failing])[0]
        #expect(!report.isValid)
        #expect(report.diagnostics.map(\.rule) == [FileValidator.encodingRule])
    }

    @Test func aScriptIsRecognisedAndItsInterpreterChecked() throws {
        let script = try scratchFile("fixit", Data("#!/bin/sh\nmkdir -p var\n".utf8))
        let relative = try scratchFile("fixproto", Data("#!sh\nexec awk '{ print }'\n".utf8))
        let manifest = try scratchFile("etcd", Data("<?xml version=\"1.0\"?>\n<service_bundle/>\n".utf8))
        let text = try scratchFile("notes", Data("just words\n".utf8))
        let reports = validator.validate(paths: [script, relative, manifest, text])
        #expect(reports[0].isValid && reports[0].diagnostics.isEmpty, "\(reports[0].diagnostics)")
        #expect(reports[1].diagnostics.map(\.rule) == [ScriptCheck.rule])
        #expect(reports[1].diagnostics.first?.message.contains("'sh'") == true)
        // XML without the .xml name still goes to the SMF validator.
        #expect(!reports[2].diagnostics.map(\.rule).contains(FileValidator.unknownKindRule))
        #expect(!reports[2].isValid)
        // Named on the command line, a file of no known kind is an error.
        #expect(reports[3].diagnostics.map(\.rule) == [FileValidator.unknownKindRule])
    }

    @Test func pkginfoArchIsOneArchLine() throws {
        let good = try scratchFile("pkginfo.arch", Data("ARCH=\"i386,sparc\"\n".utf8))
        let bad = try scratchFile("pkginfo.arch", Data("ARCH=\"amd64\"\nNAME=x\n".utf8))
        #expect(validator.validate(paths: [good])[0].diagnostics.isEmpty)
        let report = validator.validate(paths: [bad])[0]
        #expect(report.diagnostics.map(\.rule) == [PkginfoArchCheck.rule, PkginfoArchCheck.rule, PkginfoArchCheck.rule])
        #expect(report.diagnostics[0].message.contains("'amd64' is not an illumos architecture"))
    }

    @Test func archTxtAndBuildRequireAreChecked() throws {
        let arch = try scratchFile("arch.txt", Data("i386\n".utf8))
        let badArch = try scratchFile("arch.txt", Data("x86_64\n".utf8))
        let require = try scratchFile("build_require", Data("TRIBv-go-126\nTRIBcmake\n".utf8))
        let badRequire = try scratchFile("build_require.i386", Data("TRIBv-go-126\nTRIB go\n".utf8))
        let reports = validator.validate(paths: [arch, badArch, require, badRequire])
        #expect(reports[0].diagnostics.isEmpty && reports[2].diagnostics.isEmpty)
        #expect(reports[1].diagnostics.map(\.rule) == [ArchListCheck.rule])
        #expect(reports[3].diagnostics.map { "\($0.location.line) \($0.rule)" } == ["2 \(BuildRequireCheck.rule)"])
    }

    /// Tribblix's own build trees pass: every arch.txt, build_require and
    /// pkginfo.arch of the corpus's packages.
    @Test(.needsCorpus) func tribblixsOwnBuildFilesPass() throws {
        let root = try Corpus.path("tribblix/packages")
        let names = try FileManager.default.subpathsOfDirectory(atPath: root).filter {
            ["arch.txt", "build_require", "pkginfo.arch"].contains(($0 as NSString).lastPathComponent)
        }
        #expect(names.count >= 10)
        let reports = validator.validate(paths: names.map { root + "/" + $0 })
        for report in reports { #expect(report.isValid && report.diagnostics.isEmpty, "\(report.path): \(report.diagnostics)") }
    }

    @Test func aCompanionConfigurationIsNotedWithTheToolThatChecksIt() throws {
        let config = try scratchFile("haproxy.cfg", Data("global\n".utf8))
        let report = validator.validate(paths: [config])[0]
        #expect(report.isValid && report.diagnostics.isEmpty)
        #expect(report.note == "not checked by smfkit; check it with haproxy -c -f FILE")
    }

    @Test func aDirectoryWalkSkipsWhatItDoesNotKnowWithAReason() throws {
        let root = try Scratch.directory("walk")
        try FileManager.default.createDirectory(at: root.appending(path: "sub"), withIntermediateDirectories: true)
        for (name, text) in [("sub/b.xml", "<x/>"), ("a.ovl", "VERSION=1\n"), ("README", "words\n"),
                             (".smfkit-lock", ""), ("sub/run", "#!/bin/sh\n")] {
            try text.write(to: root.appending(path: name), atomically: true, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appending(path: "loop").path, withDestinationPath: root.path)
        let entries = DirectoryWalk.expand([root.path])
        let shown = entries.map { ($0.path.dropFirst(root.path.count + 1), $0.skipped != nil) }
        #expect(shown.map { "\($0.0)\($0.1 ? " skipped" : "")" } == [
            ".smfkit-lock skipped", "README skipped", "a.ovl", "loop skipped", "sub/b.xml", "sub/run",
        ])
        #expect(DirectoryWalk.expand(["/nonexistent/x.xml"]) == [.init(path: "/nonexistent/x.xml", skipped: nil)])
    }

    @Test func aMissingDescriptorIsUnreadable() {
        let report = validator.validate(paths: ["/nonexistent/smfkit/pkginfo"])[0]
        #expect(report.isUnreadable)
    }

    @Test func everyRuleIdIsListedOnce() {
        let ids = FileValidator.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("smf.value.boolean"))
        #expect(ids.contains("tribblix.ovl.unknown-key"))
        #expect(ids.contains(FileValidator.encodingRule))
        #expect(ids.contains(FileValidator.unknownKindRule))
        #expect(ids.contains(ScriptCheck.rule))
        #expect(ids.contains(PkginfoArchCheck.rule))
        #expect(ids.contains(ArchListCheck.rule) && ids.contains(BuildRequireCheck.rule))
    }
}
