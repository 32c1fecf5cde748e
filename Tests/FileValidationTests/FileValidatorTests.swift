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

    @Test func aScriptIsNeitherABundleNorADescriptor() throws {
        let script = try scratchFile("fixit", Data("#!/bin/sh\nmkdir -p var\n".utf8))
        let manifest = try scratchFile("etcd", Data("<?xml version=\"1.0\"?>\n<service_bundle/>\n".utf8))
        let reports = validator.validate(paths: [script, manifest])
        #expect(reports[0].diagnostics.map(\.rule) == [FileValidator.unknownKindRule])
        // XML without the .xml name still goes to the SMF validator.
        #expect(!reports[1].diagnostics.map(\.rule).contains(FileValidator.unknownKindRule))
        #expect(!reports[1].isValid)
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
    }
}
