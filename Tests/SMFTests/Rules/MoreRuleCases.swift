import Testing

/// Further cases for rules that cover several svccfg messages or forms:
/// each failing document must draw its rule, each passing one must be clean.
enum MoreRuleCases {
    typealias X = FixtureXML
    typealias F = RuleFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var note: String
        var xml: String
        var testDescription: String { "\(rule): \(note)" }
    }

    static func listed(_ type: String, _ value: String) -> String {
        X.withMethods(X.config("<property name='p' type='\(type)'><\(type)_list><value_node value='\(value)'/>"
            + "</\(type)_list></property>"))
    }

    static let failing: [Case] = [
        Case(rule: "smf.value.syntax", note: "count_list", xml: listed("count", "0x10")),
        Case(rule: "smf.value.syntax", note: "integer_list", xml: listed("integer", "1e3")),
        Case(rule: "smf.value.syntax", note: "time_list", xml: listed("time", "1.0000000001")),
        Case(rule: "smf.value.syntax", note: "opaque_list", xml: listed("opaque", "abc")),
        Case(rule: "smf.value.syntax", note: "uri_list", xml: listed("uri", "http://example.com")),
        Case(rule: "smf.value.syntax", note: "fmri_list", xml: listed("fmri", "svc:/@SMF_NAME@")),
        Case(rule: "smf.value.syntax", note: "net_address_v4_list", xml: listed("net_address_v4", "10.0.0.256")),
        Case(rule: "smf.value.syntax", note: "net_address_v6_list", xml: listed("net_address_v6", "fe80:::1")),
        Case(rule: "smf.value.syntax", note: "net_address_list", xml: listed("net_address", "db.example.com")),
        Case(rule: "smf.value.boolean", note: "propval", xml: X.withMethods(X.config(
            "<propval name='on' type='boolean' value='TRUE'/>"))),
        Case(rule: "smf.property.type", note: "missing in a manifest", xml: X.withMethods(X.config(
            "<propval name='a' value='x'/>"))),
        Case(rule: "smf.duplicate.property", note: "a method's own exec", xml: X.manifest(
            F.method("start", exec: "/bin/x", inside: "<propval name='exec' type='astring' value='/bin/y'/>") + F.stop)),
        Case(rule: "smf.duplicate.property", note: "a dependency's entities", xml: X.withMethods("", before:
            "<dependency name='d' grouping='require_all' restart_on='none' type='service'>"
            + "<service_fmri value='svc:/milestone/network'/><propval name='entities' type='fmri' value='svc:/a/b'/>"
            + "</dependency>")),
        Case(rule: "smf.duplicate.property", note: "stability against general/entity_stability", xml: X.withMethods(
            "<property_group name='general' type='framework'><propval name='entity_stability' type='astring' "
            + "value='Stable'/></property_group><stability value='Evolving'/>")),
        Case(rule: "smf.duplicate.property-group", note: "dependency against a property group", xml: X.withMethods(
            "<property_group name='multi-user' type='application'/>", before: F.dependency)),
        Case(rule: "smf.duplicate.property-group", note: "general of another type", xml: X.manifest(
            X.methods + "<property_group name='general' type='application'/>",
            head: "<create_default_instance enabled='false'/><single_instance/>")),
        Case(rule: "smf.duplicate.property-group", note: "method_context of another type", xml: X.withMethods(
            "<property_group name='method_context' type='application'/>", before: "<method_context/>")),
        Case(rule: "smf.notification.event", note: "SMF and FMA mixed", xml: X.withMethods(
            F.notification("to-online,problem-diagnosed"))),
        Case(rule: "smf.notification.placement", note: "SMF events on the global service", xml: X.manifest(
            X.methods + F.notification("to-online"), name: "system/svc/global")),
        Case(rule: "smf.template.target", note: "instance target in an instance template", xml: X.withMethods(
            "<instance name='i' enabled='true'>" + X.template("<pg_pattern name='c' type='application' "
            + "target='instance'/>") + "</instance>", head: "")),
        Case(rule: "smf.template.target", note: "delegate outside a restarter", xml: X.withMethods(X.template(
            "<pg_pattern name='c' type='application' target='delegate'/>"))),
        Case(rule: "smf.template.cardinality", note: "signed number", xml: X.withMethods(F.port + F.portPattern(
            "<cardinality min='-1' max='1'/>"))),
        Case(rule: "smf.value.syntax", note: "an integer of white space", xml: X.withMethods(X.config(
            "<propval name='n' type='integer' value='  '/>"))),
        Case(rule: "smf.template.cardinality", note: "trailing garbage", xml: X.withMethods(F.port + F.portPattern(
            "<cardinality min='1x' max='2'/>"))),
        Case(rule: "smf.template.range", note: "an empty bound", xml: X.withMethods(F.port + F.portPattern(
            "<constraints><range min='' max='10'/></constraints>"))),
        Case(rule: "smf.template.target", note: "all in an instance of the global service", xml: X.manifest(
            X.methods + "<instance name='x' enabled='false'>"
            + X.template("<pg_pattern name='c' type='application' target='all'/>") + "</instance>",
            name: "system/svc/global", head: "")),
        Case(rule: "smf.template.range", note: "not a number", xml: X.withMethods(F.port + F.portPattern(
            "<constraints><range min='one' max='10'/></constraints>"))),
        Case(rule: "smf.template.required-attributes", note: "required pg_pattern without type", xml: X.withMethods(
            F.port + X.template("<pg_pattern name='config' required='true'/>"))),
        Case(rule: "smf.template.include-values", note: "values without descriptions store no value_ property",
             xml: X.withMethods(F.port + F.portPattern("<values><value name='5432'/></values>"
                + "<choices><include_values type='values'/></choices>"))),
        Case(rule: "smf.template.constraint", note: "a range on an astring", xml: X.withMethods(X.config(
            "<propval name='p' type='astring' value='x'/>") + X.template("<pg_pattern name='config' type='application'>"
            + "<prop_pattern name='p' type='astring'><constraints><range min='1' max='2'/></constraints></prop_pattern>"
            + "</pg_pattern>"))),
        Case(rule: "smf.template.redefines-builtin", note: "unnamed pattern for dependency groups", xml: X.withMethods(
            X.template("<pg_pattern type='dependency'/>"))),
        Case(rule: "smf.template.conflict", note: "prop_pattern types differ in one pg_pattern", xml: X.withMethods(
            "<instance name='i' enabled='false'>\(F.port)"
            + X.template("<pg_pattern name='config' type='application'><prop_pattern name='port' type='integer'/>"
            + "</pg_pattern>") + "</instance>" + F.portPattern(), head: "")),
        Case(rule: "smf.dependent.name-clash", note: "a dependent named like the dependents group", xml:
            X.withMethods("", before: F.dependent("d1") + F.dependent("dependents"))),
        Case(rule: "smf.global.template", note: "dependency type", xml: X.withMethods("", before: F.dependency
            .replacingOccurrences("type='service'", "type='other'"))),
        Case(rule: "smf.global.template", note: "dependency grouping", xml: X.withMethods("", before: F.dependency
            .replacingOccurrences("require_all", "require_some"))),
        Case(rule: "smf.startd.template", note: "a monitor start method", xml: X.manifest(
            "<exec_method type='monitor' name='start' exec='/bin/x' timeout_seconds='1'/>" + F.stop)),
        Case(rule: "smf.startd.template", note: "an unknown duration", xml: X.withMethods(
            "<property_group name='startd' type='framework'><propval name='duration' type='astring' value='wait'/>"
            + "</property_group>")),
        Case(rule: "smf.method.envvar", note: "name with =", xml: X.withMethods("", before:
            "<method_context><method_environment><envvar name='A=B' value='x'/></method_environment></method_context>")),
        Case(rule: "smf.method.token", note: "unterminated %{", xml: X.manifest(
            F.method("start", exec: "/bin/x %{config/port") + F.stop)),
        Case(rule: "smf.bundle.type", note: "nested bundle of another type", xml: X.bundle(
            "<service_bundle type='profile' name='inner'>\(X.service())</service_bundle>")),
        Case(rule: "smf.name.service", note: "placeholder", xml: X.manifest(name: "@SMF_PREFIX@/haproxy")),
        Case(rule: "smf.name.service", note: "one-character non-final component", xml: X.manifest(name: "a/foo")),
        Case(rule: "smf.dependency.fmri", note: "relative file FMRI", xml: X.withMethods("", before: F.dependency
            .replacingOccurrences("svc:/milestone/multi-user", "file:etc/x.conf"))),
        Case(rule: "smf.instance.enabled", note: "missing in a manifest", xml: X.withMethods(
            "<instance name='i'/>", head: "")),
    ]

    static let passing: [Case] = [
        Case(rule: "smf.value.length", note: "4095 opaque bytes are 8190 hex digits", xml: X.withMethods(X.config(
            "<propval name='blob' type='opaque' value='\(String(repeating: "ab", count: 4095))'/>"))),
        Case(rule: "smf.method.token", note: "inetd does not expand tokens", xml: X.manifest(
            F.method("start", exec: "/usr/bin/date +%Y") + F.stop,
            head: "<create_default_instance enabled='false'/>"
                + "<restarter><service_fmri value='svc:/network/inetd:default'/></restarter>")),
        Case(rule: "smf.template.loctext", note: "white space is content", xml: X.withMethods(X.template("")
            .replacingOccurrences(">test<", ">  <"))),
        Case(rule: "smf.template.cardinality", note: "leading white space", xml: X.withMethods(F.port + F.portPattern(
            "<cardinality min=' 1' max='1'/>"))),
        Case(rule: "smf.value.syntax", note: "an empty integer is 0", xml: X.withMethods(X.config(
            "<propval name='n' type='integer' value=''/>"))),
        Case(rule: "smf.template.required-attributes", note: "a service without instances is not checked", xml:
            X.manifest(X.methods + X.template("<pg_pattern name='config' required='true'/>"), head: "")),
        Case(rule: "smf.template.conflict", note: "a wildcard type never conflicts", xml: X.withMethods(
            "<instance name='i' enabled='false'>\(F.port)"
            + X.template("<pg_pattern name='config'/>") + "</instance>" + F.portPattern(), head: "")),
        Case(rule: "smf.property.type", note: "a profile may omit types and enabled", xml: X.bundle(
            "<service name='site/test' version='1' type='service'><instance name='default'>"
            + "<property_group name='config' type='application'><propval name='port' value='5432'/>"
            + "</property_group></instance></service>", type: "profile")),
        Case(rule: "smf.dependency.fmri", note: "path dependency on a file FMRI", xml: X.withMethods("", before:
            "<dependency name='conf' grouping='require_all' restart_on='refresh' type='path'>"
            + "<service_fmri value='file://localhost/etc/x.conf'/></dependency>")),
        Case(rule: "smf.duplicate.property-group", note: "same name and type merge", xml: X.withMethods(
            X.config("<propval name='a' type='count' value='1'/>") + X.config("<propval name='b' type='count' value='2'/>"))),
        Case(rule: "smf.startd.template", note: "methods in the service, instance without", xml: X.withMethods(
            "<instance name='node1' enabled='true'/><instance name='node2' enabled='false'/>", head: "")),
        Case(rule: "smf.method.token-property", note: "bare name means application/name", xml: X.manifest(
            F.method("start", exec: "/bin/x -c %{config_file}") + F.stop
            + "<property_group name='application' type='application'>"
            + "<propval name='config_file' type='astring' value='/etc/x'/></property_group>")),
    ]
}

@Suite struct MoreRuleCaseTests {
    @Test(arguments: MoreRuleCases.failing)
    func drawsTheRule(_ example: MoreRuleCases.Case) {
        let found = RuleFixtureTests.diagnostics(example.xml, "more.xml")
        #expect(found.contains { $0.rule == example.rule }, "\(found.map(\.description))")
    }

    @Test(arguments: MoreRuleCases.passing)
    func isClean(_ example: MoreRuleCases.Case) {
        let found = RuleFixtureTests.diagnostics(example.xml, "more.xml")
            .filter { $0.severity == .error || $0.rule == example.rule }
        #expect(found.isEmpty, "\(found.map(\.description))")
    }
}
