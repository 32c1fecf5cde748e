import Diagnostics
import Foundation
import Testing
@testable import SMF

/// The composed view other stages (`plan`, token expansion) build on.
@Suite struct CompositionTests {
    static func bundle(_ xml: String) throws -> ServiceBundle {
        let document = SMFDocument.load(data: Data(xml.utf8), path: "composition.xml", dtd: .embedded)
        return try #require(document.bundle)
    }

    static let xml = FixtureXML.bundle("""
        <service name='site/db' type='service' version='1'>
        <restarter><service_fmri value='svc:/system/svc/restarter:default'/></restarter>
        <dependency name='net' grouping='require_all' restart_on='error' type='service'>
        <service_fmri value='svc:/milestone/network'/>
        </dependency>
        <method_context working_directory='/var/db'>
        <method_credential user='db' group='db'/>
        <method_environment><envvar name='LANG' value='C'/></method_environment>
        </method_context>
        <exec_method type='method' name='start' exec='/bin/db -p %{config/port}' timeout_seconds='60'/>
        <exec_method type='method' name='stop' exec=':kill' timeout_seconds='60'/>
        <property_group name='config' type='application'>
        <propval name='port' type='count' value='5432'/>
        <propval name='host' type='net_address' value='0.0.0.0'/>
        </property_group>
        <instance name='node1' enabled='true'>
        <property_group name='config' type='application'>
        <propval name='host' type='net_address' value='10.0.0.1'/>
        </property_group>
        </instance>
        <stability value='Evolving'/>
        </service>
        """)

    @Test func instancePropertiesOverrideServiceProperties() throws {
        let service = try #require(try Self.bundle(Self.xml).services.first)
        let instance = try #require(service.instances.first)
        let groups = composedProperties(of: instance, in: service)
        let config = try #require(groups[group: "config"])
        #expect(config[property: "host"]?.textValues == ["10.0.0.1"])
        #expect(config[property: "port"]?.textValues == ["5432"])
        #expect(config[property: "port"]?.smfType == .count)
        #expect(config[property: "host"]?.location?.line == 21)
    }

    @Test func synthesisedGroupsFollowSvccfg() throws {
        let service = try #require(try Self.bundle(Self.xml).services.first)
        let instance = try #require(service.instances.first)
        let groups = composedProperties(of: instance, in: service)
        #expect(groups[group: "general"]?.type == "framework")
        #expect(groups[group: "general"]?[property: "enabled"]?.textValues == ["true"])
        #expect(groups[group: "general"]?[property: "restarter"]?.textValues == ["svc:/system/svc/restarter:default"])
        #expect(groups[group: "general"]?[property: "entity_stability"]?.textValues == ["Evolving"])
        let net = try #require(groups[group: "net"])
        #expect(net.type == "dependency")
        #expect(net[property: "entities"]?.textValues == ["svc:/milestone/network"])
        #expect(net[property: "entities"]?.smfType == .fmri)
        #expect(net[property: "restart_on"]?.textValues == ["error"])
        let start = try #require(groups[group: "start"])
        #expect(start.type == "method")
        #expect(start[property: "exec"]?.textValues == ["/bin/db -p %{config/port}"])
        #expect(start[property: "timeout_seconds"]?.smfType == .count)
        let context = try #require(groups[group: "method_context"])
        #expect(context[property: "user"]?.textValues == ["db"])
        #expect(context[property: "use_profile"]?.textValues == ["false"])
        #expect(context[property: "working_directory"]?.textValues == ["/var/db"])
        #expect(context[property: "environment"]?.textValues == ["LANG=C"])
        #expect(PropertyGroupSynthesis.groups(of: service).conflicts.isEmpty)
    }

    @Test func createDefaultInstanceIsAnInstance() throws {
        let service = try #require(try Self.bundle(FixtureXML.manifest()).services.first)
        #expect(service.effectiveInstances.map(\.name) == ["default"])
        #expect(composedProperties(of: service.effectiveInstances[0], in: service)[group: "general"]?[property: "enabled"]?
            .textValues == ["false"])
    }

    @Test func conflictsAreRecordedNotMerged() throws {
        let xml = FixtureXML.withMethods("""
            <property_group name='start' type='application'/>
            <property_group name='config' type='application'><propval name='a' type='count' value='1'/></property_group>
            <property_group name='config' type='application'><propval name='a' type='count' value='2'/></property_group>
            """)
        let service = try #require(try Self.bundle(xml).services.first)
        let result = PropertyGroupSynthesis.groups(of: service)
        #expect(result.conflicts.count == 2)
        #expect(result[group: "start"]?.type == "method")
        #expect(result[group: "config"]?[property: "a"]?.textValues == ["1"])
    }
}

@Suite struct TemplateEngineTests {
    static func findings(_ xml: String) throws -> [TemplateFinding] {
        let document = SMFDocument.load(data: Data(xml.utf8), path: "t.xml", dtd: .embedded)
        let semantic = SemanticDocument(bundle: try #require(document.bundle), path: "t.xml")
        return semantic.templateFindings
    }

    /// svccfg compares boolean values as numbers, so a constraint `true`
    /// cannot even be converted (smf.md §4.3 item 8).
    @Test func booleanConstraintsAreNumbers() throws {
        let group = FixtureXML.config("<propval name='on' type='boolean' value='true'/>")
        func pattern(_ value: String) -> String {
            FixtureXML.template("<pg_pattern name='config' type='application'><prop_pattern name='on' type='boolean'>"
                + "<constraints><value name='\(value)'/></constraints></prop_pattern></pg_pattern>")
        }
        #expect(try Self.findings(FixtureXML.withMethods(group + pattern("1"))).isEmpty)
        #expect(try Self.findings(FixtureXML.withMethods(group + pattern("true"))).map(\.kind) == [.conversion])
    }

    @Test func aDescendantTypeSatisfiesThePattern() throws {
        let group = FixtureXML.config("<propval name='addr' type='net_address_v4' value='10.0.0.1'/>")
        let pattern = FixtureXML.template("<pg_pattern name='config' type='application'>"
            + "<prop_pattern name='addr' type='astring'/></pg_pattern>")
        #expect(try Self.findings(FixtureXML.withMethods(group + pattern)).isEmpty)
    }

    @Test func aServiceWithoutInstancesIsNotTemplateValidated() throws {
        let xml = FixtureXML.manifest("<exec_method type='method' name='start' exec='/bin/x' timeout_seconds='1'/>",
                                      head: "")
        #expect(try Self.findings(xml).isEmpty)
    }

    @Test func anotherRestarterDoesNotNeedStartdMethods() throws {
        let xml = FixtureXML.manifest("", head: "<create_default_instance enabled='true'/>"
            + "<restarter><service_fmri value='svc:/network/inetd:default'/></restarter>")
        #expect(try Self.findings(xml).isEmpty)
        let startd = FixtureXML.manifest("", head: "<create_default_instance enabled='true'/>")
        #expect(try Self.findings(startd).map(\.kind) == [.requiredPropertyGroup, .requiredPropertyGroup])
    }

    @Test func rangesAreBaseZero() throws {
        let group = FixtureXML.config("<propval name='port' type='count' value='255'/>")
        let pattern = FixtureXML.template("<pg_pattern name='config' type='application'>"
            + "<prop_pattern name='port' type='count'><constraints><range min='0x1' max='0377'/></constraints>"
            + "</prop_pattern></pg_pattern>")
        #expect(try Self.findings(FixtureXML.withMethods(group + pattern)).isEmpty)
        let outside = group.replacingOccurrences("'255'", "'256'")
        #expect(try Self.findings(FixtureXML.withMethods(outside + pattern)).map(\.kind) == [.range])
    }
}

@Suite struct ConstraintTests {
    static func kinds(_ value: String, _ constraints: String, type: String = "count") throws -> [TemplateFinding.Kind] {
        let group = FixtureXML.config("<propval name='p' type='\(type)' value='\(value)'/>")
        let pattern = FixtureXML.template("<pg_pattern name='config' type='application'><prop_pattern name='p' "
            + "type='\(type)'><constraints>\(constraints)</constraints></prop_pattern></pg_pattern>")
        return try TemplateEngineTests.findings(FixtureXML.withMethods(group + pattern)).map(\.kind)
    }

    /// Ranges and values are separate checks: a value must pass both.
    @Test func rangesAndValuesAreBothEnforced() throws {
        #expect(try Self.kinds("5", "<value name='5'/><range min='1' max='9'/>") == [])
        #expect(try Self.kinds("5", "<value name='6'/><range min='1' max='9'/>") == [.constraint])
        #expect(try Self.kinds("5", "<value name='5'/><range min='6' max='9'/>") == [.range])
    }

    @Test func rangesNeedANumericProperty() throws {
        #expect(try Self.kinds("x", "<range min='1' max='9'/>", type: "astring") == [.invalidTemplate])
    }

    @Test func integerRangesAreSigned() throws {
        #expect(try Self.kinds("-5", "<range min='-10' max='-1'/>", type: "integer") == [])
        #expect(try Self.kinds("5", "<range min='-10' max='-1'/>", type: "integer") == [.range])
    }

    @Test func stringsCompareExactly() throws {
        #expect(try Self.kinds("a", "<value name='a'/>", type: "astring") == [])
        #expect(try Self.kinds("A", "<value name='a'/>", type: "astring") == [.constraint])
    }
}
