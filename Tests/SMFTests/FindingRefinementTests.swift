import Diagnostics
import Foundation
import Testing
@testable import SMF

/// Issue 19: `validate` says which values are allowed, suggests the closest,
/// reports one finding once (the DTD's and svccfg's rule merged), gives the
/// attribute's column, and says what to add for a missing method.
@Suite struct FindingRefinementTests {
    let validator = Validator(dtd: .embedded)

    /// A valid service on lines 4–11 whose instance (line 10), one propval
    /// (line 8) and stop method (line 6) the cases vary.
    func service(enabled: String = "false", type: String = "count", value: String = "1",
                 stop: Bool = true) -> String {
        bundleXML("""
            <service name="application/t" type="service" version="1">
              <exec_method name="start" type="method" exec="/bin/true" timeout_seconds="60"/>
            \(stop ? #"  <exec_method name="stop" type="method" exec=":kill" timeout_seconds="60"/>"# : "  <!-- no stop -->")
              <property_group name="config" type="application">
                <propval name="p" type="\(type)" value="\(value)"/>
              </property_group>
              <instance name="default" enabled="\(enabled)"/>
            </service>
            """)
    }

    func findings(_ text: String) -> [Diagnostic] {
        validator.validate(data: Data(text.utf8), path: "t.xml").diagnostics
    }

    @Test func theBaseIsValid() {
        #expect(findings(service()).isEmpty)
    }

    @Test func anEnabledValueIsOneFindingWithTheAllowedValuesAndASuggestion() throws {
        let found = findings(service(enabled: "True"))
        try #require(found.count == 1, "\(found)")
        #expect(found[0].rule == InstanceEnabledRule.id)
        #expect(found[0].location.line == 10)
        #expect(found[0].location.column == 28)
        #expect(found[0].message == #"Invalid enabled value "True" for instance "default" — enabled must be one of: true, false; did you mean 'true'?"#)
    }

    @Test func aPropertyTypeIsOneFindingWithADidYouMean() throws {
        let found = findings(service(type: "integr"))
        try #require(found.count == 1, "\(found)")
        #expect(found[0].rule == PropertyTypeRule.id)
        #expect(found[0].location.line == 8)
        #expect(found[0].location.column == 23)
        #expect(found[0].message.contains("type must be one of: count, integer,"))
        #expect(found[0].message.hasSuffix("did you mean 'integer'?"))
    }

    @Test func anEnumerationNoRuleRepeatsStaysTheDTDsWithItsValues() throws {
        let text = service().replacingOccurrences(of: #"type="service""#, with: #"type="servce""#)
        let found = findings(text)
        try #require(found.count == 1, "\(found)")
        #expect(found[0].rule == DocumentRuleID.dtd)
        #expect(found[0].location.line == 4)
        #expect(found[0].location.column == 31)
        #expect(found[0].message.hasSuffix("type must be one of: service, restarter, milestone; did you mean 'service'?"))
    }

    @Test func aMethodTypeMergesWithTheTemplatesFinding() throws {
        let text = service().replacingOccurrences(
            of: #"<exec_method name="start" type="method""#, with: #"<exec_method name="start" type="methd""#)
        let found = findings(text)
        try #require(found.count == 1, "\(found)")
        #expect(found[0].rule == StartdTemplateRule.id)
        #expect(found[0].location.column == 29)
        #expect(found[0].message.hasSuffix("type must be one of: method, monitor; did you mean 'method'?"))
    }

    @Test func aMissingRequiredAttributeIsOneFindingSayingWhatToAdd() throws {
        let text = service().replacingOccurrences(of: #"<instance name="default" enabled="false"/>"#,
                                                  with: #"<instance name="default"/>"#)
        // (svc.startd's template also misses the general group that enabled
        // would create: another finding, about another thing.)
        let found = findings(text).filter { $0.location.line == 10 && $0.message.contains("enabled") }
        try #require(found.count == 1, "\(found)")
        #expect(found[0].rule == InstanceEnabledRule.id)
        #expect(found[0].message == #"Instance "default" missing attribute "enabled" — add enabled="true|false""#)
    }

    @Test func aBooleanValueSaysTrueOrFalse() throws {
        let found = findings(service(type: "boolean", value: "yes"))
        try #require(found.count == 1, "\(found)")
        #expect(found[0].rule == BooleanValueRule.id)
        #expect(found[0].message.hasSuffix("a boolean is 'true' or 'false'"))
        let capital = findings(service(type: "boolean", value: "True"))
        #expect(capital.first?.message.hasSuffix("did you mean 'true'?") == true)
    }

    @Test func aMissingStopMethodSaysWhatToAdd() throws {
        let found = findings(service(stop: false))
        try #require(found.count == 1, "\(found)")
        #expect(found[0].message.hasSuffix(
            #"— add to the service (or this instance): <exec_method name="stop" type="method" exec=":kill" timeout_seconds="60"/>"#))
    }

    @Test func aColumnIsGivenOnlyWhereOneAttributeHoldsTheQuotedValue() {
        let text = Data("<a x=\"v\" y=\"w\"/>\n<b x=\"v\" y=\"v\"/>\n".utf8)
        let source = SourceText(text)
        #expect(source.column(ofQuotedValueIn: "bad \"w\"", line: 1) == 10)
        #expect(source.column(ofQuotedValueIn: "bad \"v\"", line: 2) == nil)
        #expect(source.column(ofQuotedValueIn: "bad \"z\"", line: 1) == nil)
        let tags = SourceText(Data("  <instance name=\"i\"/>\n<a\n   x=\"1\"><b/>\n<c/><d/>\n".utf8))
        #expect(tags.column(ofOnlyStartTagOn: 1) == 3)
        #expect(tags.column(ofOnlyStartTagOn: 3) == nil, "the line ends <a>'s start tag but begins with none")
        #expect(tags.column(ofOnlyStartTagOn: 4) == nil, "two elements: which one is unknown")
    }
}
