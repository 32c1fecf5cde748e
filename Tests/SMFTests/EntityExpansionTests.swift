import Diagnostics
import Foundation
import Testing
@testable import SMF

/// Internal entities referenced many times (issue 11): each reference is
/// expanded in full, so the document is held to a budget linear in its size,
/// refused at the first reference past it, quickly, with a short message.
@Suite struct EntityExpansionTests {
    let validator = Validator(dtd: .embedded, concurrency: 1)

    /// A manifest whose `big` entity (`entitySize` characters) is referenced
    /// `count` times, in a loctext or in an attribute value.
    func manifest(references count: Int, entitySize: Int, inAttribute: Bool) -> String {
        let references = String(repeating: "&big;", count: count)
        let common = inAttribute
            ? "<property_group name=\"config\" type=\"application\">\n"
                + "<propval name=\"x\" type=\"astring\" value=\"\(references)\"/>\n</property_group>"
            : "<template>\n<common_name>\n<loctext xml:lang=\"C\">\(references)</loctext>\n</common_name>\n</template>"
        return """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1" [
            <!ENTITY big "\(String(repeating: "x", count: entitySize))">
            ]>
            <service_bundle type="manifest" name="x">
            <service name="site/x" type="service" version="1">
            \(common)
            </service>
            </service_bundle>
            """
    }

    func validate(_ text: String) -> (Validator.FileReport, Duration) {
        var report: Validator.FileReport?
        let elapsed = ContinuousClock().measure {
            report = validator.validate(data: Data(text.utf8), path: "entities.xml")
        }
        return (report ?? Validator.FileReport(path: "entities.xml", diagnostics: [], isUnreadable: true), elapsed)
    }

    @Test(arguments: [(1_000, false), (4_000, false), (10_000, false), (1_000, true), (4_000, true), (10_000, true)])
    func manyReferencesToALargeEntityAreRefusedQuickly(count: Int, inAttribute: Bool) throws {
        let text = manifest(references: count, entitySize: 10_000, inAttribute: inAttribute)
        let (report, elapsed) = validate(text)
        #expect(elapsed < .milliseconds(500), "\(count) references took \(elapsed)")
        let refusals = report.diagnostics.filter { $0.rule == DocumentRuleID.entityExpansion }
        let refusal = try #require(refusals.first)
        #expect(refusals.count == 1)
        #expect(!report.isValid)
        // The first reference past 1,000,000 + 10 × the file's size: the
        // budget covers `allowed` whole references, the next one is refused.
        let budget = EntityExpansion.allowance + EntityExpansion.factor * text.utf8.count
        let allowed = budget / 10_000
        let line = inAttribute ? 8 : 9
        let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        let firstColumn = lineText.utf8.count - lineText.drop { $0 != "&" }.utf8.count + 1
        #expect(refusal.location.line == line)
        #expect(refusal.location.column == firstColumn + allowed * 5)
        #expect(refusal.description.utf8.count < 600)
        // Nothing else is reported: no DTD finding, no rule quoting the value.
        #expect(report.diagnostics.count == 1)
    }

    @Test func manySmallReferencesAreLinearAndAccepted() throws {
        let text = manifest(references: 100_000, entitySize: 1, inAttribute: false)
        let (report, elapsed) = validate(text)
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        #expect(!report.diagnostics.contains { $0.rule == DocumentRuleID.entityExpansion })
        let template = try #require(report.document?.bundle?.services.first?.entity.template)
        #expect(template.commonName.first?.text == String(repeating: "x", count: 100_000))
    }

    /// libxml2's DTD check re-joins an attribute's pieces one by one, in
    /// time growing with the square of their number: 200,000 references to
    /// a one-character entity took 2.5 s before this limit.
    @Test func anAttributeOfVeryManySmallReferencesIsRefusedQuickly() throws {
        let text = manifest(references: 200_000, entitySize: 1, inAttribute: true)
        let (report, elapsed) = validate(text)
        // Against the same references in element content, which libxml2
        // handles linearly, timed here so that a busy machine slows both:
        // the square growth took eight times as long.
        let (_, linear) = validate(manifest(references: 200_000, entitySize: 1, inAttribute: false))
        #expect(elapsed < linear * 3 + .milliseconds(250), "took \(elapsed); the same in element content \(linear)")
        let refusal = try #require(report.diagnostics.first { $0.rule == DocumentRuleID.entityExpansion })
        #expect(refusal.message.hasPrefix("attribute 'value' is made of 200000 pieces"))
        #expect(refusal.location.line == 8 && refusal.location.column == 41 + 199_999 * 5)
        #expect(report.diagnostics.count == 1)
    }

    @Test func anAttributeOfTenThousandSmallReferencesIsAccepted() throws {
        let text = manifest(references: 10_000, entitySize: 1, inAttribute: true)
        let (report, elapsed) = validate(text)
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")
        #expect(!report.diagnostics.contains { $0.rule == DocumentRuleID.entityExpansion })
        let group = try #require(report.document?.bundle?.services.first?.entity.propertyGroups.first)
        #expect(group.properties.first?.values.first?.text == String(repeating: "x", count: 10_000))
    }

    @Test func attributeReferencesExpandIntoTheValue() throws {
        let text = manifest(references: 3, entitySize: 4, inAttribute: true)
        let (report, _) = validate(text)
        let group = try #require(report.document?.bundle?.services.first?.entity.propertyGroups.first)
        #expect(group.properties.first?.values.first?.text == "xxxxxxxxxxxx")
    }
}

/// However long the value a message quotes, a diagnostic stays short.
@Suite struct BoundedMessageTests {
    @Test func aLongQuotedValueIsCutInTheMiddle() {
        let value = String(repeating: "é", count: 500_000)
        let diagnostic = Diagnostic.error("value '\(value)' is not a count; write digits only", rule: "r",
                                          at: SourceLocation(file: "f.xml", line: 1))
        #expect(diagnostic.message.utf8.count <= Diagnostic.maxMessageBytes)
        #expect(diagnostic.message.hasPrefix("value 'éé"))
        #expect(diagnostic.message.hasSuffix("éé' is not a count; write digits only"))
        #expect(diagnostic.message.contains("bytes not shown"))
    }

    @Test func aShortMessageIsKeptWhole() {
        let message = "value 'abc' is not a count"
        #expect(Diagnostic.error(message, rule: "r", at: SourceLocation(file: "f", line: 1)).message == message)
    }
}
