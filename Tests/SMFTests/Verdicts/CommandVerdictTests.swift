import Diagnostics
import Foundation
import Testing
@testable import SMF

/// `--as`: each svccfg command's verdict on small documents, one per kind of
/// source decision (loading, template error, template warning, repository,
/// what apply only prints).
@Suite struct CommandVerdictTests {
    typealias X = FixtureXML

    static func report(_ xml: String, as mode: ValidationMode) -> Validator.FileReport {
        Validator(dtd: .embedded, mode: mode, concurrency: 1).validate(data: Data(xml.utf8), path: "verdict.xml")
    }

    static func severities(_ xml: String, rule: String, as mode: ValidationMode) -> [Diagnostic.Severity] {
        report(xml, as: mode).diagnostics.filter { $0.rule == rule }.map(\.severity)
    }

    /// A service whose default instance has a start method only.
    static let withoutStop = X.manifest(RuleFixtures.method("start", exec: "/usr/bin/daemon"))

    @Test func aMissingStopMethodFailsValidateAndImportVButOnlyWarnsImport() {
        let rule = "smf.startd.template"
        #expect(Self.severities(Self.withoutStop, rule: rule, as: .command(.validate)) == [.error])
        #expect(Self.severities(Self.withoutStop, rule: rule, as: .command(.importStrict)) == [.error])
        #expect(Self.severities(Self.withoutStop, rule: rule, as: .command(.import)) == [.warning])
        #expect(Self.report(Self.withoutStop, as: .command(.import)).isValid)
        #expect(!Self.report(Self.withoutStop, as: .command(.validate)).isValid)
        #expect(!Self.report(Self.withoutStop, as: .union).isValid)
    }

    /// A pg_pattern redefining global.xml's `general` pattern: TVS_WARN.
    static let redefinesGeneral = X.withMethods(X.template("<pg_pattern name='general' type='framework'/>"))

    @Test func aTemplateWarningFailsOnlyValidate() {
        #expect(!Self.report(Self.redefinesGeneral, as: .command(.validate)).isValid)
        #expect(Self.report(Self.redefinesGeneral, as: .command(.import)).isValid)
        #expect(Self.report(Self.redefinesGeneral, as: .command(.importStrict)).isValid)
        #expect(Self.severities(Self.redefinesGeneral, rule: "smf.template.redefines-builtin",
                                as: .command(.importStrict)) == [.warning])
    }

    /// A property name svc.configd refuses: validate never sees it.
    static let badPropertyName = X.withMethods(X.config("<propval name='1port' type='count' value='1'/>"))

    @Test func whatOnlySvcConfigdChecksPassesValidate() {
        #expect(Self.severities(Self.badPropertyName, rule: "smf.name.property", as: .command(.validate)).isEmpty)
        #expect(Self.report(Self.badPropertyName, as: .command(.validate)).isValid)
        #expect(!Self.report(Self.badPropertyName, as: .command(.import)).isValid)
        #expect(!Self.report(Self.badPropertyName, as: .union).isValid)
    }

    /// A profile that defines one property twice: `internal_attach_property`
    /// complains through `semerr`, which apply's `SC_CMD_DONT_EXIT` turns
    /// into a message; the caller drops the failure.
    static let profileWithDuplicate = X.bundle("""
        <service name='site/test' version='1' type='service'><instance name='default' enabled='true'>
        <property_group name='config' type='application'>
        <propval name='port' type='count' value='1'/><propval name='port' type='count' value='2'/>
        </property_group></instance></service>
        """, type: "profile")

    @Test func applyOnlyPrintsWhatItsCallersDiscard() {
        #expect(Self.severities(Self.profileWithDuplicate, rule: "smf.duplicate.property", as: .command(.apply))
            == [.warning])
        #expect(Self.report(Self.profileWithDuplicate, as: .command(.apply)).isValid)
        #expect(!Self.report(Self.profileWithDuplicate, as: .union).isValid)
    }

    /// `engine_apply` still fails a profile whose loading fails: a value
    /// `lxml_store_value` refuses ends in `uu_die`.
    @Test func applyFailsWhatStopsLoading() {
        let xml = Self.profileWithDuplicate.replacingOccurrences("value='2'", "value='two'")
            .replacingOccurrences("name='port' type='count' value='1'", "name='other' type='count' value='1'")
        #expect(Self.severities(xml, rule: "smf.value.syntax", as: .command(.apply)) == [.error])
        #expect(!Self.report(xml, as: .command(.apply)).isValid)
    }

    @Test func eachCommandTakesOnlyItsBundleType() {
        #expect(Self.severities(Self.profileWithDuplicate, rule: "smf.bundle.type", as: .command(.validate))
            == [.error])
        #expect(Self.severities(X.manifest(), rule: "smf.bundle.type", as: .command(.apply)) == [.error])
        #expect(Self.report(X.manifest(), as: .command(.validate)).isValid)
        #expect(Self.report(X.manifest(), as: .command(.import)).isValid)
    }

    /// Every rule's failing fixture, under every command that reads its
    /// bundle type, reports what the rule's verdicts say: nothing when the
    /// command does not check it, else the finding with that severity.
    @Test(arguments: RuleFixtures.all)
    func failingFixturesFollowTheRuleVerdicts(_ fixture: RuleFixture) throws {
        let verdicts = try #require(RuleCatalog.all.first { $0.id == fixture.rule }?.verdicts)
        let isProfile = fixture.failing.contains("type='profile'")
        for command in SvccfgCommand.allCases where (command == .apply) == isProfile {
            let found = Self.severities(fixture.failing, rule: fixture.rule, as: .command(command))
            switch verdicts[command] {
            case .notChecked: #expect(found.isEmpty, "\(fixture.rule) under \(command.rawValue)")
            case .error: #expect(!found.isEmpty && found.allSatisfy { $0 == .error }, "\(command.rawValue): \(found)")
            case .warning:
                #expect(!found.isEmpty && found.allSatisfy { $0 == .warning }, "\(command.rawValue): \(found)")
            }
        }
    }

    @Test func everyRuleListsAVerdictForEveryCommand() {
        let listed = RuleCatalog.all
        #expect(Set(listed.map(\.id)).count == listed.count)
        for entry in listed {
            #expect(entry.verdicts.listing.split(separator: " ").count == SvccfgCommand.allCases.count)
        }
        // Template findings follow svccfg's TVS_* split, not one severity.
        #expect(RuleCatalog.all.first { $0.id == "smf.template.redefines-builtin" }?.verdicts == .templateWarning)
    }
}
