import Foundation
import Testing
@testable import SMF

/// Template validation checks what instances without templates of their own
/// inherit — the service's groups and the groups storing its templates —
/// once per service, and reports each finding for every instance, as
/// svccfg's tmpl_validate_instance does instance by instance.
@Suite struct TemplateFindingsPerInstanceTests {
    static func manifest(instances: [String]) -> String {
        """
        <?xml version="1.0"?>
        <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
        <service_bundle type="manifest" name="t">
          <service name="site/t" type="service" version="1">
            <exec_method name="start" type="method" exec="/bin/true" timeout_seconds="60"/>
            <exec_method name="stop" type="method" exec=":true" timeout_seconds="60"/>
            <property_group name="config" type="application">
              <propval name="port" type="count" value="5432"/>
            </property_group>
        \(instances.map { "    <instance name=\"\($0)\" enabled=\"false\"/>" }.joined(separator: "\n"))
            <template>
              <common_name><loctext xml:lang="C">t</loctext></common_name>
              <pg_pattern name="config" type="application" target="this" required="true">
                <prop_pattern name="port" type="count" required="true">
                  <constraints><value name="5432"/></constraints>
                  <choices><include_values type="constraints"/><include_values type="values"/></choices>
                </prop_pattern>
              </pg_pattern>
            </template>
          </service>
        </service_bundle>
        """
    }

    @Test func aStoredGroupFindingIsReportedForEveryInstance() {
        let validator = Validator(dtd: .embedded, concurrency: 1)
        let report = validator.validate(data: Data(Self.manifest(instances: ["a", "b", "c"]).utf8), path: "t.xml")
        let stored = report.diagnostics.filter { $0.rule == "smf.global.template" }.map(\.message)
        #expect(stored.count == 3)
        for instance in ["a", "b", "c"] {
            #expect(stored.contains { $0.contains("FMRI=\"svc:/site/t:\(instance)\"") && $0.contains("choices_include_values") })
        }
    }
}
