import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import SMF

@Suite struct ValidatorTests {
    let validator = Validator(dtd: .embedded)

    func validate(_ text: String, path: String = "t.xml") -> Validator.FileReport {
        validator.validate(data: Data(text.utf8), path: path)
    }

    func rules(_ report: Validator.FileReport) -> [String] {
        report.diagnostics.map(\.rule)
    }

    @Test(.needsCorpus) func acceptsEveryIllumosGateBundle() throws {
        let paths = try TestPaths.corpusBundles(under: ["illumos-gate"]).map(\.path)
        #expect(paths.count == 196)
        let reports = validator.validate(paths: paths)
        #expect(reports.map(\.path) == paths)
        for report in reports {
            #expect(report.isValid, "\(report.path): \(report.diagnostics)")
            #expect(report.diagnostics.isEmpty, "\(report.path): \(report.diagnostics)")
        }
    }

    /// The DTD layer alone: the semantic rules reject the build templates
    /// among these (see CorpusConformanceTests for the full verdicts).
    @Test(.needsCorpus) func acceptsEveryThirdPartyBundle() throws {
        let dtdOnly = Validator(dtd: .embedded, rules: [])
        let reports = dtdOnly.validate(paths: try TestPaths.corpusBundles(under: ["thirdparty"]).map(\.path))
        #expect(reports.count == 29)
        #expect(reports.allSatisfy { $0.isValid })
        // The two omnios profiles leave `enabled` out, which apply allows:
        // the DTD's word on that is a warning.
        let warned = reports.filter { !$0.diagnostics.isEmpty }
        #expect(warned.count == 2)
        #expect(warned.flatMap(\.diagnostics).allSatisfy { $0.severity == .warning && $0.rule == DocumentRuleID.dtdProfile })
    }

    @Test func reportsEveryDTDErrorWithItsLine() {
        let report = validate(bundleXML("""
            <service name="a" version="1">
              <instance name="i" enabled="yes"/>
              <bogus/>
            </service>
            """))
        #expect(!report.isValid)
        let dtd = report.diagnostics.filter { $0.rule == DocumentRuleID.dtd }
        // Missing `type` on <service> (line 4), the undeclared <bogus>
        // (line 6), and <service>'s content model.
        #expect(dtd.contains { $0.location.line == 4 && $0.message.contains("type") })
        #expect(dtd.contains { $0.location.line == 6 && $0.message.contains("bogus") })
        #expect(dtd.count >= 3)
        // The enabled value (line 5): the DTD's finding and svccfg's rule are
        // one finding, at the attribute's column, naming the allowed values.
        let enabled = report.diagnostics.filter { $0.location.line == 5 && $0.message.contains("\"yes\"") }
        #expect(enabled.count == 1)
        #expect(enabled.first?.rule == InstanceEnabledRule.id)
        #expect(enabled.first?.location.column == 22)
        #expect(enabled.first?.message.hasSuffix("enabled must be one of: true, false") == true)
        #expect(dtd.allSatisfy { $0.severity == .error && $0.location.file == "t.xml" })
    }

    @Test func notWellFormedGivesLineAndColumn() {
        let report = validate(bundleXML("<service name=\"a\" version=\"1\" type=\"service\">\n</servce>"))
        #expect(!report.isValid)
        #expect(rules(report) == [DocumentRuleID.wellFormed])
        let error = report.diagnostics[0]
        #expect(error.location.line == 5)
        #expect(error.location.column > 0)
        #expect(error.message.contains("servce"))
    }

    @Test func emptyFileIsAnError() {
        let report = validate("")
        #expect(!report.isValid)
        #expect(rules(report) == [DocumentRuleID.wellFormed])
    }

    @Test func missingDoctypeIsAnError() {
        let report = validate("<service_bundle type=\"manifest\" name=\"x\"/>")
        #expect(report.diagnostics.contains { $0.rule == DocumentRuleID.doctype && $0.message.contains("no DOCTYPE") })
        #expect(!report.isValid)
    }

    @Test func unknownDoctypeIsAnErrorButTheDTDStillRuns() {
        let text = """
            <?xml version="1.0"?>

            <!DOCTYPE service_bundle SYSTEM "service_bundle.dtd">
            <service_bundle type="manifest" name="x"><service name="a"/></service_bundle>
            """
        let report = validate(text)
        let doctype = report.diagnostics.filter { $0.rule == DocumentRuleID.doctype }
        #expect(doctype.count == 1)
        #expect(doctype.first?.location.line == 3)
        #expect(doctype.first?.message.hasPrefix("document DTD unknown; not service bundle?") == true)
        #expect(report.diagnostics.contains { $0.rule == DocumentRuleID.dtd })
    }

    @Test func otherRootIsNotAServiceBundle() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
            <service name="a" version="1" type="service"/>
            """
        let report = validate(text)
        #expect(rules(report) == [DocumentRuleID.root])
        #expect(report.diagnostics.first?.message.hasPrefix("document is not a service bundle") == true)
        #expect(report.diagnostics.first?.location.line == 3)
        #expect(report.document?.bundle == nil)
    }

    @Test func manifestNeedsTypesProfileDoesNot() {
        let body = """
            <service name="a" version="1" type="service">
              <instance name="default" enabled="true">
                <property_group name="pg"><propval name="p" value="1"/></property_group>
              </instance>
            </service>
            """
        let manifest = validate(bundleXML(type: "manifest", body))
        #expect(!manifest.isValid)
        #expect(manifest.dtdVerdict?.variant == .manifest)
        #expect(manifest.diagnostics.filter { $0.rule == DocumentRuleID.dtd }.count == 2)

        let profile = validate(bundleXML(type: "profile", body))
        #expect(profile.isValid)
        #expect(profile.diagnostics.isEmpty)
        #expect(profile.dtdVerdict?.variant == .profile)
        #expect(profile.dtdVerdict?.isValid == true)
    }

    @Test func profileDTDFindingsAreWarnings() {
        let profile = validate(bundleXML(type: "profile", """
            <service name="a" version="1" type="service"><instance name="default"/></service>
            """))
        #expect(profile.isValid)
        #expect(profile.dtdVerdict?.isValid == false)
        #expect(profile.diagnostics.count == 1)
        #expect(profile.diagnostics.first?.severity == .warning)
        #expect(profile.diagnostics.first?.rule == DocumentRuleID.dtdProfile)
        #expect(profile.diagnostics.first?.location.line == 4)
    }

    @Test func profileElementsApplyValidatesAreErrors() {
        let report = validate(bundleXML(type: "profile", """
            <service name="a" version="1" type="service">
              <exec_method name="start" type="method" exec="x" timeout_seconds="1">
                <propval name="p" value="1"/>
              </exec_method>
              <instance name="default" enabled="true">
                <property_group name="pg"><stability value="Solid"/><propval name="p" value="1"/></property_group>
              </instance>
            </service>
            """))
        #expect(!report.isValid)
        // apply validates <exec_method> and a group's <stability> with the
        // manifest DTD: the untyped propval inside the method fails, the one
        // directly in the property group does not.
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == [DocumentRuleID.dtdApply, DocumentRuleID.dtdApply])
        #expect(errors.map(\.location.line) == [6, 9])
        #expect(errors[0].message.contains("type"))
        #expect(errors[1].message.contains("Solid"))
        // The same finding is not repeated as a profile-variant warning.
        #expect(report.diagnostics.filter { $0.rule == DocumentRuleID.dtdProfile }.isEmpty)
    }

    @Test(.needsCorpus) func illumosProfilesWithXIncludeAreAccepted() throws {
        let paths = try ["generic_open.xml", "generic_limited_net.xml"].map {
            try Corpus.path("illumos-gate/usr/src/cmd/svc/profile/\($0)")
        }
        for report in validator.validate(paths: paths) {
            #expect(report.isValid)
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            // The DTD alone rejects them (xi:include without xi:fallback,
            // mixed with services, xmlns:xi undeclared on the bundle).
            #expect(report.dtdVerdict?.isValid == false)
            #expect(report.document?.bundle?.includes.first?.href == "file:/etc/svc/profile/name_service.xml")
        }
    }

    @Test func parallelValidationKeepsEachFilesErrorsApart() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "smfkit-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for index in 0..<60 {
            // File i has i blank lines before one DTD error, so each error's
            // line says which file it came from.
            let text = bundleXML(String(repeating: "\n", count: index) + "<service name=\"s\(index)\"/>")
            let path = folder.appending(path: "f\(index).xml").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let parallel = Validator(dtd: .embedded, concurrency: 4).validate(paths: paths)
        let serial = Validator(dtd: .embedded, concurrency: 1).validate(paths: paths)
        #expect(parallel.map(\.diagnostics) == serial.map(\.diagnostics))
        for (index, report) in parallel.enumerated() {
            #expect(report.path == paths[index])
            #expect(!report.diagnostics.isEmpty)
            #expect(report.diagnostics.allSatisfy { $0.location.line == 4 + index && $0.location.file == paths[index] })
        }
    }

    @Test func unreadableFilesAreMarked() {
        let reports = validator.validate(paths: ["/nonexistent/smfkit.xml", NSTemporaryDirectory()])
        #expect(reports.allSatisfy { $0.isUnreadable })
        #expect(reports.allSatisfy { $0.diagnostics.first?.rule == DocumentRuleID.unreadable })
    }

    @Test func rulesSeeTheBundleAndTheOperation() {
        struct CountServices: BundleRule {
            static let id = "test.count-services"
            static let summary = "Reports how many services a bundle has."
            static let verdicts = RuleVerdicts.lint
            func check(_ bundle: ServiceBundle, in context: RuleContext) -> [Diagnostic] {
                [.warning("\(bundle.services.count) services for \(context.operation.rawValue)", rule: Self.id,
                          at: bundle.location ?? SourceLocation(file: context.path))]
            }
        }
        let validator = Validator(dtd: .embedded, rules: [CountServices()])
        let report = validator.validate(
            data: Data(bundleXML(type: "profile", "<service name=\"a\" version=\"1\" type=\"service\"/>").utf8),
            path: "p.xml")
        #expect(report.diagnostics.map(\.message) == ["1 services for apply"])
        #expect(report.diagnostics.first?.location.line == 3)
    }
}

@Suite struct DTDSourceTests {
    @Test func embeddedDTDIsOurs() throws {
        let ours = try String(contentsOf: TestPaths.ourDTD, encoding: .utf8)
        #expect(DTDSource.embedded.text.trimmingCharacters(in: .whitespacesAndNewlines)
                == ours.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(ours.contains("<!ELEMENT service_bundle"))
    }

    @Test func chooseFollowsTheDocumentedOrder() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "smfkit-\(UUID().uuidString).dtd")
        try "<!ELEMENT service_bundle EMPTY>".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        #expect(try DTDSource.choose(override: file.path, systemPath: "/nonexistent").origin == .file(file.path))
        #expect(try DTDSource.choose(override: nil, systemPath: file.path).origin == .system)
        #expect(try DTDSource.choose(override: nil, systemPath: "/nonexistent").origin == .embedded)
        #expect(throws: DTDSource.LoadError.self) { try DTDSource.choose(override: "/nonexistent/x.dtd") }
    }

    @Test func aBrokenDTDIsReportedBeforeAnyFile() {
        let broken = Validator(dtd: DTDSource(text: "<!ELEMENT service_bundle (oops", origin: .file("bad.dtd")))
        let problems = broken.checkDTD()
        #expect(problems.count == 1)
        #expect(problems.first?.rule == DocumentRuleID.dtdUnusable)
        #expect(problems.first?.location.file == "bad.dtd")
        #expect(Validator(dtd: .embedded).checkDTD().isEmpty)
    }

    @Test func profileVariantKeepsTheTextDeclarationFirst() {
        let text = DTDVariant.profile.apply(to: "<?xml version=\"1.0\"?>\n<!ELEMENT a EMPTY>")
        #expect(text.hasPrefix("<?xml version=\"1.0\"?>\n<!ENTITY % profile \"INCLUDE\">"))
        #expect(DTDVariant.manifest.apply(to: "x") == "x")
    }
}
