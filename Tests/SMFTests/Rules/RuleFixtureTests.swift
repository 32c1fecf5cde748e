import Diagnostics
import Foundation
import Testing
@testable import SMF

/// Every registered rule has a fixture pair, and each pair behaves: the
/// failing document draws the rule, the passing one is valid as a whole.
@Suite struct RuleFixtureTests {
    static let validator = Validator(dtd: .embedded, concurrency: 1)

    static func diagnostics(_ xml: String, _ name: String) -> [Diagnostic] {
        validator.validate(data: Data(xml.utf8), path: name).diagnostics
    }

    @Test(arguments: RuleFixtures.all)
    func failingFixtureDrawsTheRule(_ fixture: RuleFixture) {
        let found = Self.diagnostics(fixture.failing, "\(fixture.rule).fail.xml")
        let mine = found.filter { $0.rule == fixture.rule }
        #expect(!mine.isEmpty, "no \(fixture.rule) diagnostic; got: \(found.map(\.description))")
        for diagnostic in mine {
            #expect(diagnostic.location.line > 0, "\(diagnostic) has no line")
        }
    }

    @Test(arguments: RuleFixtures.all)
    func passingFixtureIsClean(_ fixture: RuleFixture) {
        let found = Self.diagnostics(fixture.passing, "\(fixture.rule).pass.xml")
        #expect(found.isEmpty, "\(found.map(\.description))")
    }

    @Test func everyRegisteredRuleHasAFixturePair() {
        let registered = Set(RuleRegistry.all.map { type(of: $0).id })
        let covered = Set(RuleFixtures.all.map(\.rule))
        #expect(registered.subtracting(covered).sorted() == [], "rules without fixtures")
        #expect(covered.subtracting(registered).sorted() == [], "fixtures for rules not registered")
        #expect(RuleFixtures.all.count == covered.count, "a rule has two fixture pairs")
    }

    @Test func ruleIDsAreUniqueAndDescribed() {
        let ids = RuleRegistry.all.map { type(of: $0).id }
        #expect(Set(ids).count == ids.count)
        for rule in RuleRegistry.all {
            #expect(type(of: rule).id.hasPrefix("smf."))
            #expect(!type(of: rule).summary.isEmpty)
        }
    }
}
