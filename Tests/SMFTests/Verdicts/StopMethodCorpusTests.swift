import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import SMF

/// The case on real data: illumos-gate manifests whose stop methods
/// are renamed fail `svccfg validate` (the restarter template's required
/// `stop` group is an error) but `svccfg import` takes them, printing it as
/// a warning; `import -V` fails them again.
@Suite struct StopMethodCorpusTests {
    static func validator(_ command: SvccfgCommand) -> Validator {
        Validator(dtd: .embedded, mode: .command(command), concurrency: 1)
    }

    @Test(.needsCorpus) func importAcceptsWhatValidateRejectsForAMissingStopMethod() throws {
        let stop = #/(<exec_method[^>]*name=)(['"])stop(['"])/#
        var mutated = 0
        for (path, text) in try CorpusMutationTests.gateManifests()
        where !text.contains("<restarter") && (text.contains("<instance") || text.contains("<create_default_instance"))
            && text.contains(stop) {
            let data = Data(text.replacing(stop) { "\($0.output.1)\($0.output.2)halt\($0.output.3)" }.utf8)
            let validated = Self.validator(.validate).validate(data: data, path: path)
            let imported = Self.validator(.import).validate(data: data, path: path)
            let strict = Self.validator(.importStrict).validate(data: data, path: path)
            func missingStop(_ report: Validator.FileReport, _ severity: Diagnostic.Severity) -> Bool {
                report.diagnostics.contains {
                    $0.rule == "smf.startd.template" && $0.severity == severity
                        && $0.message.contains("property group=\"stop\"")
                }
            }
            #expect(!validated.isValid && missingStop(validated, .error), "\(path)")
            #expect(imported.isValid && missingStop(imported, .warning), "\(path): \(imported.diagnostics)")
            #expect(!strict.isValid && missingStop(strict, .error), "\(path)")
            mutated += 1
        }
        #expect(mutated > 100)
    }

    /// Unmutated, the same manifests pass every manifest command.
    @Test(.needsCorpus) func everyGateManifestPassesEachManifestCommand() throws {
        for command in [SvccfgCommand.validate, .import, .importStrict] {
            let validator = Self.validator(command)
            for (path, text) in try CorpusMutationTests.gateManifests() {
                let report = validator.validate(data: Data(text.utf8), path: path)
                #expect(report.isValid, "\(command.rawValue) \(path): \(report.diagnostics)")
            }
        }
    }
}
