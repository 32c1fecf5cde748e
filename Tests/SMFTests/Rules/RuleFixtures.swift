/// One passing and one failing document for every semantic rule: the
/// failing one must draw the rule's diagnostic, the passing one must be
/// valid as a whole (no error from any rule or the DTD) and draw nothing
/// from the rule.
struct RuleFixture: Sendable, CustomTestStringConvertible {
    var rule: String
    var passing: String
    var failing: String
    var testDescription: String { rule }
}

import Testing

enum RuleFixtures {
    typealias X = FixtureXML

    static let dependency = """
        <dependency name='multi-user' grouping='require_all' restart_on='none' type='service'>
        <service_fmri value='svc:/milestone/multi-user'/>
        </dependency>
        """
    static func dependent(_ name: String, _ fmri: String = "svc:/milestone/multi-user-server") -> String {
        "<dependent name='\(name)' grouping='optional_all' restart_on='none'><service_fmri value='\(fmri)'/></dependent>"
    }
    static func notification(_ event: String, _ parameter: String = "<paramval name='to' value='root@localhost'/>")
        -> String
    {
        "<notification_parameters><event value='\(event)'/><type name='smtp'>\(parameter)</type></notification_parameters>"
    }
    static let port = X.config("<propval name='port' type='count' value='5432'/>")
    static func portPattern(_ inside: String = "", attributes: String = "type='count'") -> String {
        X.template("""
            <pg_pattern name='config' type='application'>
            <prop_pattern name='port' \(attributes)>\(inside)</prop_pattern>
            </pg_pattern>
            """)
    }
    static func method(_ name: String, exec: String, timeout: String = "60", inside: String = "") -> String {
        "<exec_method type='method' name='\(name)' exec='\(exec)' timeout_seconds='\(timeout)'>\(inside)</exec_method>"
    }
    static let stop = method("stop", exec: ":kill")

    static let all: [RuleFixture] = [
        // Bundle
        RuleFixture(rule: "smf.bundle.type", passing: X.manifest(), failing: X.bundle(X.service(), type: "archive")),
        RuleFixture(rule: "smf.bundle.name", passing: X.manifest(), failing: X.bundle(X.service(), name: "")),
        RuleFixture(
            rule: "smf.profile.template",
            passing: X.bundle("<service name='site/test' version='1' type='service'>"
                + "<instance name='default' enabled='true'/></service>", type: "profile"),
            failing: X.bundle("<service name='site/test' version='1' type='service'>"
                + "<instance name='default' enabled='true'/>\(X.template(""))</service>", type: "profile")),

        RuleFixture(
            rule: "smf.profile.element",
            passing: X.bundle("<service name='site/test' version='1' type='service'>"
                + "<instance name='default' enabled='true'><property_group name='config' type='application'>"
                + "<propval name='port' type='count' value='1'/></property_group></instance></service>", type: "profile"),
            failing: X.bundle("<service name='site/test' version='1' type='service'>"
                + "<instance name='default' enabled='true'><property_group name='config' type='application'>"
                + "<port value='1'/></property_group></instance></service>", type: "profile")),

        // Names
        RuleFixture(rule: "smf.name.service", passing: X.manifest(name: "site/com.example,test/worker"),
                    failing: X.manifest(name: "site/test:default")),
        RuleFixture(rule: "smf.name.service-path", passing: X.manifest(name: "site/com.example,test/worker"),
                    failing: X.manifest(name: "site/test/:properties/config")),
        RuleFixture(rule: "smf.name.instance",
                    passing: X.withMethods("<instance name='node1' enabled='false'/>", head: ""),
                    failing: X.withMethods("<instance name='1st' enabled='false'/>", head: "")),
        RuleFixture(rule: "smf.name.property-group",
                    passing: X.withMethods("<property_group name='com.example,config' type='application'/>"),
                    failing: X.withMethods("<property_group name='my.config' type='application'/>")),
        RuleFixture(rule: "smf.name.property",
                    passing: X.withMethods(X.config("<propval name='listen-port' type='count' value='1'/>")),
                    failing: X.withMethods(X.config("<propval name='1port' type='count' value='1'/>"))),
        RuleFixture(
            rule: "smf.name.length",
            passing: X.withMethods(X.config("<propval name='\(String(repeating: "a", count: 119))' type='count' value='1'/>")),
            failing: X.withMethods(X.config("<propval name='\(String(repeating: "a", count: 120))' type='count' value='1'/>"))),

        RuleFixture(
            rule: "smf.name.entity-length",
            passing: X.withMethods("<instance name='\(String(repeating: "i", count: 119))' enabled='false'/>", head: ""),
            failing: X.withMethods("<instance name='\(String(repeating: "i", count: 120))' enabled='false'/>", head: "")),

        // Duplicates and merging
        RuleFixture(rule: "smf.duplicate.service", passing: X.bundle(X.service() + X.service(name: "site/other")),
                    failing: X.bundle(X.service() + X.service())),
        RuleFixture(rule: "smf.duplicate.instance",
                    passing: X.withMethods("<instance name='node1' enabled='true'/>"),
                    failing: X.withMethods("<instance name='default' enabled='true'/>")),
        RuleFixture(rule: "smf.duplicate.dependent",
                    passing: X.withMethods("", before: dependent("d1") + dependent("d2")),
                    failing: X.withMethods("", before: dependent("d1") + dependent("d1"))),
        RuleFixture(rule: "smf.dependent.name-clash",
                    passing: X.withMethods("", before: dependency + dependent("d1")),
                    failing: X.withMethods("", before: dependency + dependent("multi-user"))),
        RuleFixture(rule: "smf.duplicate.property-group",
                    passing: X.withMethods("<property_group name='start' type='method'>"
                        + "<propval name='retries' type='count' value='1'/></property_group>"),
                    failing: X.withMethods("<property_group name='start' type='application'/>")),
        RuleFixture(
            rule: "smf.duplicate.property",
            passing: X.withMethods("<instance name='i' enabled='true'><property_group name='general' type='framework'>"
                + "<propval name='comment' type='astring' value='x'/></property_group></instance>", head: ""),
            failing: X.withMethods("<instance name='i' enabled='true'><property_group name='general' type='framework'>"
                + "<propval name='enabled' type='boolean' value='true'/></property_group></instance>", head: "")),

        // Attributes, types and values
        RuleFixture(rule: "smf.instance.enabled",
                    passing: X.withMethods("<instance name='i' enabled='true'/>", head: ""),
                    failing: X.withMethods("<instance name='i' enabled='yes'/>", head: "")),
        RuleFixture(rule: "smf.property.attributes",
                    passing: X.withMethods(X.config("<propval name='a' type='astring' value=''/>")),
                    failing: X.withMethods(X.config("<propval name='a' type='astring'/>"))),
        RuleFixture(rule: "smf.property.type",
                    passing: X.withMethods(X.config("<propval name='a' type='ustring' value='x'/>")),
                    failing: X.withMethods(X.config("<propval name='a' type='string' value='x'/>"))),
        RuleFixture(
            rule: "smf.property.list-type",
            passing: X.withMethods(X.config("<property name='a' type='count'><count_list><value_node value='1'/>"
                + "</count_list></property>")),
            failing: X.withMethods(X.config("<property name='a' type='count'><astring_list><value_node value='1'/>"
                + "</astring_list></property>"))),
        RuleFixture(
            rule: "smf.value.boolean",
            passing: X.withMethods(X.config("<property name='a' type='boolean'><boolean_list>"
                + "<value_node value='true'/><value_node value='false'/></boolean_list></property>")),
            failing: X.withMethods(X.config("<property name='a' type='boolean'><boolean_list>"
                + "<value_node value='true'/><value_node value='yes'/></boolean_list></property>"))),
        RuleFixture(rule: "smf.value.syntax",
                    passing: X.withMethods(X.config("<propval name='port' type='count' value='5432'/>"
                        + "<propval name='listen' type='net_address' value='10.0.0.1'/>")),
                    failing: X.withMethods(X.config("<propval name='port' type='count' value='@PORT@'/>"))),
        RuleFixture(
            rule: "smf.value.length",
            passing: X.withMethods(X.config("<propval name='a' type='astring' value='\(String(repeating: "x", count: 4095))'/>")),
            failing: X.withMethods(X.config("<propval name='a' type='astring' value='\(String(repeating: "x", count: 4096))'/>"))),

        // Methods
        RuleFixture(rule: "smf.method.timeout",
                    passing: X.manifest(method("start", exec: "/usr/bin/daemon", timeout: "-1") + stop),
                    failing: X.manifest(method("start", exec: "/usr/bin/daemon", timeout: "60s") + stop)),
        RuleFixture(
            rule: "smf.method.envvar",
            passing: X.withMethods("", before: "<method_context><method_environment>"
                + "<envvar name='PGDATA' value='/var/pgsql'/></method_environment></method_context>"),
            failing: X.withMethods("", before: "<method_context><method_environment>"
                + "<envvar name='SMF_FMRI' value='x'/></method_environment></method_context>")),
        RuleFixture(rule: "smf.method.token",
                    passing: X.manifest(method("start", exec: "/usr/bin/daemon %m %i 100%%") + stop),
                    failing: X.manifest(method("start", exec: "/usr/bin/daemon -d %Y") + stop)),
        RuleFixture(rule: "smf.method.token-property",
                    passing: X.manifest(method("start", exec: "/usr/bin/daemon -p %{config/port} -c %{restarter/contract}")
                        + stop + port),
                    failing: X.manifest(method("start", exec: "/usr/bin/daemon -p %{config/port}") + stop)),
        RuleFixture(
            rule: "smf.method.kill-transient",
            passing: X.withMethods("<property_group name='startd' type='framework'>"
                + "<propval name='duration' type='astring' value='child'/></property_group>"),
            failing: X.withMethods("<property_group name='startd' type='framework'>"
                + "<propval name='duration' type='astring' value='transient'/></property_group>")),

        RuleFixture(rule: "smf.method.exec-line",
                    passing: X.manifest(method("start", exec: "/usr/bin/env A=\"x;y\" /usr/bin/daemon -a \\; %m") + stop),
                    failing: X.manifest(method("start", exec: "mkdir -p /var/x &amp;&amp; /usr/bin/daemon") + stop)),

        // Dependencies, dependents, restarters
        RuleFixture(rule: "smf.dependency.fmri", passing: X.withMethods("", before: dependency),
                    failing: X.withMethods("", before: dependency.replacingOccurrences("svc:/milestone/multi-user",
                                                                                      "svc:/@SMF_PREFIX@/x"))),
        RuleFixture(rule: "smf.dependent.target", passing: X.withMethods("", before: dependent("d1")),
                    failing: X.withMethods("", before: dependent("d1", "svc:/site/x:default/:properties/config"))),
        RuleFixture(
            rule: "smf.restarter.fmri",
            passing: X.manifest(head: "<create_default_instance enabled='false'/>"
                + "<restarter><service_fmri value='svc:/network/inetd:default'/></restarter>"),
            failing: X.manifest(head: "<create_default_instance enabled='false'/>"
                + "<restarter><service_fmri value='svc:/'/></restarter>")),
        RuleFixture(
            rule: "smf.restarter.target",
            passing: X.manifest(head: "<create_default_instance enabled='false'/>"
                + "<restarter><service_fmri value='svc:/network/inetd'/></restarter>"),
            failing: X.manifest(head: "<create_default_instance enabled='false'/>"
                + "<restarter><service_fmri value='svc:'/></restarter>")),

        // Notification parameters
        RuleFixture(rule: "smf.notification.event", passing: X.withMethods(notification("to-maintenance,from-online")),
                    failing: X.withMethods(notification("to-nowhere"))),
        RuleFixture(rule: "smf.notification.placement", passing: X.withMethods(notification("all")),
                    failing: X.withMethods(notification("problem-diagnosed"))),
        RuleFixture(rule: "smf.notification.attributes", passing: X.withMethods(notification("to-offline")),
                    failing: X.withMethods(notification("to-offline", "<paramval name='to' value=''/>"))),

        // Template self-consistency
        RuleFixture(
            rule: "smf.template.pattern-name", passing: X.withMethods(port + portPattern()),
            failing: X.withMethods(port + portPattern().replacingOccurrences("name='port'", "name='my.port'"))),
        RuleFixture(
            rule: "smf.template.pg-pattern-unique",
            passing: X.withMethods(port + X.template("<pg_pattern name='config' type='application'/>"
                + "<pg_pattern name='other' type='application'/>")),
            failing: X.withMethods(port + X.template("<pg_pattern name='config' type='application'/>"
                + "<pg_pattern name='config' type='framework'/>"))),
        RuleFixture(
            rule: "smf.template.prop-pattern-unique", passing: X.withMethods(port + portPattern()),
            failing: X.withMethods(port + X.template("<pg_pattern name='config' type='application'>"
                + "<prop_pattern name='port' type='count'/><prop_pattern name='port' type='count'/></pg_pattern>"))),
        RuleFixture(
            rule: "smf.template.target",
            passing: X.withMethods(port + X.template("<pg_pattern name='config' type='application' target='instance'/>")),
            failing: X.withMethods(port + X.template("<pg_pattern name='config' type='application' target='all'/>"))),
        RuleFixture(rule: "smf.template.cardinality",
                    passing: X.withMethods(port + portPattern("<cardinality min='1' max='1'/>")),
                    failing: X.withMethods(port + portPattern("<cardinality min='2' max='1'/>"))),
        RuleFixture(rule: "smf.template.range",
                    passing: X.withMethods(port + portPattern("<constraints><range min='1' max='0xffff'/></constraints>")),
                    failing: X.withMethods(port + portPattern("<constraints><range min='65535' max='1'/></constraints>"))),
        RuleFixture(rule: "smf.template.separators",
                    passing: X.withMethods(port + portPattern("<internal_separators>,</internal_separators>")),
                    failing: X.withMethods(port + portPattern("<internal_separators></internal_separators>"))),
        RuleFixture(
            rule: "smf.template.required-attributes",
            passing: X.withMethods(port + portPattern(attributes: "type='count' required='true'")),
            failing: X.withMethods(port + portPattern(attributes: "required='true'"))),
        RuleFixture(
            rule: "smf.template.include-values",
            passing: X.withMethods(port + portPattern("<values><value name='5432'><description>"
                + "<loctext xml:lang='C'>the default</loctext></description></value></values>"
                + "<choices><include_values type='values'/></choices>")),
            failing: X.withMethods(port + portPattern("<choices><include_values type='values'/></choices>"))),
        RuleFixture(
            rule: "smf.template.conflict",
            passing: X.withMethods("<instance name='i' enabled='false'>\(port)"
                + "\(X.template("<pg_pattern name='config' type='application'/>"))</instance>"
                + X.template("<pg_pattern name='config' type='application'/>"), head: ""),
            failing: X.withMethods("<instance name='i' enabled='false'>\(port)"
                + "\(X.template("<pg_pattern name='config' type='framework'/>"))</instance>"
                + X.template("<pg_pattern name='config' type='application'/>"), head: "")),
        RuleFixture(
            rule: "smf.template.redefines-builtin", passing: X.withMethods(port + portPattern()),
            failing: X.withMethods(X.template("<pg_pattern name='start' type='method'/>"))),
        RuleFixture(
            rule: "smf.template.loctext", passing: X.withMethods(X.template("")),
            failing: X.withMethods(X.template("").replacingOccurrences(">test<", "><"))),
        RuleFixture(
            rule: "smf.template.loctext-length",
            passing: X.withMethods(X.template("").replacingOccurrences(">test<",
                                                                       ">\(String(repeating: "t", count: 4094))<")),
            failing: X.withMethods(X.template("").replacingOccurrences(">test<",
                                                                       ">\(String(repeating: "t", count: 4095))<"))),
        RuleFixture(
            rule: "smf.template.derived-name",
            passing: X.withMethods(X.template("").replacingOccurrences("xml:lang='C'",
                                                                       "xml:lang='\(String(repeating: "l", count: 119))'")),
            failing: X.withMethods(X.template("").replacingOccurrences("xml:lang='C'",
                                                                       "xml:lang='\(String(repeating: "l", count: 120))'"))),

        // Templates applied to each instance
        RuleFixture(rule: "smf.startd.template", passing: X.manifest(),
                    failing: X.manifest(method("start", exec: "/usr/bin/daemon"))),
        RuleFixture(
            rule: "smf.global.template", passing: X.withMethods("", before: dependency),
            failing: X.withMethods("", before: "<dependency name='d' grouping='require_all' restart_on='none' "
                + "type='service'/>")),
        RuleFixture(
            rule: "smf.template.pg-type", passing: X.withMethods(port + portPattern()),
            failing: X.withMethods(port.replacingOccurrences("type='application'", "type='framework'") + portPattern())),
        RuleFixture(
            rule: "smf.template.prop-type", passing: X.withMethods(port + portPattern()),
            failing: X.withMethods(port.replacingOccurrences("type='count'", "type='astring'") + portPattern())),
        RuleFixture(
            rule: "smf.template.value-count",
            passing: X.withMethods(port + portPattern("<cardinality min='1' max='1'/>")),
            failing: X.withMethods(X.config("<property name='port' type='count'><count_list><value_node value='1'/>"
                + "<value_node value='2'/></count_list></property>") + portPattern("<cardinality min='1' max='1'/>"))),
        RuleFixture(
            rule: "smf.template.constraint",
            passing: X.withMethods(port + portPattern("<constraints><value name='5432'/><range min='5000' max='6000'/>"
                + "</constraints>")),
            failing: X.withMethods(port + portPattern("<constraints><value name='5433'/><range min='6000' max='7000'/>"
                + "</constraints>"))),
        RuleFixture(
            rule: "smf.template.required-property",
            passing: X.withMethods(port + portPattern(attributes: "type='count' required='true'")),
            failing: X.withMethods(X.config("<propval name='host' type='astring' value='x'/>")
                + portPattern(attributes: "type='count' required='true'"))),
        RuleFixture(
            rule: "smf.template.required-pg",
            passing: X.withMethods(port + X.template("<pg_pattern name='config' type='application' required='true'/>")),
            failing: X.withMethods(X.template("<pg_pattern name='config' type='application' required='true'/>"))),
    ]
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
