import Diagnostics
import Foundation
import TestSupport
import Testing
@testable import SMF

/// The rules catch a fault planted in real manifests, at the right line:
/// every gate manifest, mutated once, is rejected for the rule the mutation
/// breaks (and the unmutated file is accepted, by CorpusConformanceTests).
@Suite struct CorpusMutationTests {
    static let validator = Validator(dtd: .embedded, concurrency: 1)

    static func gateManifests() throws -> [(path: String, text: String)] {
        try CorpusConformanceTests.xmlFiles(under: "illumos-gate").compactMap { path in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  text.contains("type='manifest'") || text.contains("type=\"manifest\"") else { return nil }
            return (path, text)
        }
    }

    /// The 1-based lines a match spans.
    static func lines(of range: Range<String.Index>, in text: String) -> ClosedRange<Int> {
        let first = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        return first...(first + text[range].filter { $0 == "\n" }.count)
    }

    /// A boolean propval's `true` becomes `yes`: `illegal boolean value`.
    @Test(.needsCorpus) func aBooleanSpelledYesIsCaughtWhereItIs() throws {
        let pattern = try Regex(#"<propval[^>]*type=['"]boolean['"][^>]*value=['"]true['"]"#)
        var mutated = 0
        for (path, text) in try Self.gateManifests() {
            guard let match = text.firstMatch(of: pattern) else { continue }
            let element = String(text[match.range])
            let broken = element.replacingOccurrences("'true'", "'yes'").replacingOccurrences("\"true\"", "\"yes\"")
            var mutatedText = text
            mutatedText.replaceSubrange(match.range, with: broken)
            let found = Self.validator.validate(data: Data(mutatedText.utf8), path: path).diagnostics
                .filter { $0.rule == "smf.value.boolean" }
            let span = Self.lines(of: match.range, in: text)
            #expect(found.count == 1 && found.allSatisfy { span.contains($0.location.line) },
                    "\(path): expected one smf.value.boolean on lines \(span), got \(found)")
            mutated += 1
        }
        #expect(mutated > 20)
    }

    /// A service name gains an instance part: `should be a bare service name`.
    @Test(.needsCorpus) func aServiceNameWithAColonIsCaught() throws {
        let pattern = try Regex(#"<service\s+name=['"][^'"]+"#)
        var mutated = 0
        for (path, text) in try Self.gateManifests() {
            guard let match = text.firstMatch(of: pattern) else { continue }
            var mutatedText = text
            mutatedText.replaceSubrange(match.range, with: String(text[match.range]) + ":extra")
            let found = Self.validator.validate(data: Data(mutatedText.utf8), path: path).diagnostics
            #expect(found.contains { $0.rule == "smf.name.service" && $0.severity == .error }, "\(path): \(found)")
            mutated += 1
        }
        #expect(mutated > 150)
    }
}

extension CorpusMutationTests {
    /// Renaming every stop method leaves svc.startd's instances without one:
    /// the restarter template's required `stop` group is missing. Only
    /// manifests whose instances svc.startd runs (no `<restarter>` element)
    /// and that have instances are mutated.
    @Test(.needsCorpus) func aMissingStopMethodIsCaught() throws {
        let stop = #/(<exec_method[^>]*name=)(['"])stop(['"])/#
        var mutated = 0
        for (path, text) in try Self.gateManifests()
        where !text.contains("<restarter") && (text.contains("<instance") || text.contains("<create_default_instance"))
            && text.contains(stop) {
            let mutatedText = text.replacing(stop) { match in "\(match.output.1)\(match.output.2)halt\(match.output.3)" }
            let found = Self.validator.validate(data: Data(mutatedText.utf8), path: path).diagnostics
            #expect(found.contains { $0.rule == "smf.startd.template" && $0.message.contains("property group=\"stop\"") },
                    "\(path): \(found.map(\.description))")
            mutated += 1
        }
        #expect(mutated > 100)
    }
}
