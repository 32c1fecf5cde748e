import Diagnostics
import Foundation
import Testing
@testable import SMF

/// Each audit case under its svccfg command: failing cases fail for their
/// rule, warning cases succeed with the rule's warning, passing cases
/// succeed with nothing from the rule (and no error at all).
@Suite struct SourceAuditTests {
    @Test(arguments: SourceAuditCases.all)
    func caseHasItsVerdict(_ example: SourceAuditCases.Case) {
        let report = Validator(dtd: .embedded, mode: .command(example.command), concurrency: 1)
            .validate(data: Data(example.xml.utf8), path: "audit.xml")
        let mine = report.diagnostics.filter { $0.rule == example.rule }
        let described = report.diagnostics.map(\.description)
        // Each case is a valid document but for the fault it plants.
        #expect(!report.diagnostics.contains { $0.rule == DocumentRuleID.dtd || $0.rule == DocumentRuleID.dtdProfile },
                "\(described)")
        switch example.outcome {
        case .fails:
            #expect(!report.isValid && mine.contains { $0.severity == .error }, "\(described)")
        case .warns:
            #expect(report.isValid && !mine.isEmpty && mine.allSatisfy { $0.severity == .warning }, "\(described)")
        case .passes:
            #expect(report.isValid && mine.isEmpty, "\(described)")
        }
    }

    @Test func everyAreaHasAFailingAndAPassingCase() {
        let areas = Set(SourceAuditCases.all.map(\.area))
        #expect(areas.count == 8)
        for area in areas {
            let outcomes = SourceAuditCases.all.filter { $0.area == area }.map(\.outcome)
            #expect(outcomes.contains { if case .passes = $0 { true } else { false } }
                || outcomes.contains { if case .warns = $0 { true } else { false } }, "\(area)")
            #expect(outcomes.contains { if case .fails = $0 { true } else { false } }, "\(area)")
        }
    }
}
