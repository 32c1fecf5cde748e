import Foundation
import Testing
@testable import SMF

/// Large inputs stay linear: the rules share one composed view per file, and
/// instances without templates of their own reuse their service's findings.
/// (Before that, this document took minutes.)
@Suite struct ScaleTests {
    static func largeManifest(properties: Int, groups: Int, instances: Int) -> String {
        var body = FixtureXML.methods + "\n<property_group name='config' type='application'>\n"
        for index in 0..<properties { body += "<propval name='p\(index)' type='count' value='\(index)'/>\n" }
        body += "</property_group>\n"
        for index in 0..<groups { body += "<property_group name='g\(index)' type='application'/>\n" }
        for index in 0..<instances { body += "<instance name='i\(index)' enabled='false'/>\n" }
        body += FixtureXML.template("<pg_pattern name='config' type='application'>"
            + "<prop_pattern name='p1' type='count'><cardinality min='1' max='1'/></prop_pattern></pg_pattern>")
        return FixtureXML.manifest(body, head: "")
    }

    @Test func manyInstancesOfALargeServiceValidateQuickly() {
        let xml = Self.largeManifest(properties: 10_000, groups: 10_000, instances: 1_000)
        let clock = ContinuousClock()
        var report: Validator.FileReport?
        let elapsed = clock.measure {
            report = Validator(dtd: .embedded, concurrency: 1).validate(data: Data(xml.utf8), path: "large.xml")
        }
        #expect(report?.diagnostics.isEmpty == true, "\(report?.diagnostics.prefix(5).map(\.description) ?? [])")
        #expect(elapsed < .seconds(30), "took \(elapsed)")
    }

    @Test func findingsInTheServiceAreReportedForEveryInstance() throws {
        // p1 breaks the cardinality of the service's own template once, and
        // every instance inherits it: svccfg reports it per instance.
        let xml = Self.largeManifest(properties: 3, groups: 0, instances: 3)
            .replacingOccurrences("<propval name='p1' type='count' value='1'/>",
                                  "<property name='p1' type='count'><count_list><value_node value='1'/>"
                                    + "<value_node value='2'/></count_list></property>")
        let report = Validator(dtd: .embedded, concurrency: 1).validate(data: Data(xml.utf8), path: "t.xml")
        let fmris = report.diagnostics.filter { $0.rule == "smf.template.value-count" }.map(\.message)
        #expect(fmris.count == 3)
        #expect(Set(fmris).count == 3)
        #expect(fmris.allSatisfy { $0.contains("svc:/site/test:i") })
    }
}
