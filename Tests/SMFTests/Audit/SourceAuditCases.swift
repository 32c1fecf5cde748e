import Testing
@testable import SMF

/// Boundary cases for the areas an independent audit of svccfg's source
/// found smfkit and svccfg to disagree on (issue 17, part 5), each with the
/// source that decides it and the svccfg command it is judged under. The
/// findings themselves are in docs/svccfg-verdicts.md.
enum SourceAuditCases {
    typealias X = FixtureXML
    typealias F = RuleFixtures

    enum Outcome: Sendable {
        /// The command fails, for this rule.
        case fails
        /// The command succeeds, printing the rule's finding.
        case warns
        /// The command succeeds and the rule finds nothing.
        case passes
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var area: String
        var source: String
        var rule: String
        var command: SvccfgCommand
        var outcome: Outcome
        var xml: String
        var testDescription: String { "\(area) [\(command.rawValue)] \(rule) \(outcome): \(source)" }
    }

    static func value(_ type: String, _ text: String) -> String {
        X.withMethods(X.config("<propval name='v' type='\(type)' value='\(text)'/>"))
    }

    static func profile(_ instanceContent: String) -> String {
        X.bundle("<service name='site/test' version='1' type='service'><instance name='default' enabled='true'>"
            + instanceContent + "</instance></service>", type: "profile")
    }

    static func dependency(_ fmri: String, name: String = "d") -> String {
        "<dependency name='\(name)' grouping='require_all' restart_on='none' type='service'>"
            + "<service_fmri value='\(fmri)'/></dependency>"
    }

    static func restarter(_ fmri: String) -> String {
        X.manifest(head: "<create_default_instance enabled='false'/>"
            + "<restarter><service_fmri value='\(fmri)'/></restarter>")
    }

    static func pattern(_ attributes: String, _ inside: String = "") -> String {
        X.withMethods(X.template("<pg_pattern \(attributes)>\(inside)</pg_pattern>"))
    }

    static func loctext(_ element: String, lang: Int) -> String {
        "<\(element)><loctext xml:lang='\(String(repeating: "l", count: lang))'>text</loctext></\(element)>"
    }

    static func choices(_ includes: String) -> String {
        X.withMethods(F.port + F.portPattern("<constraints><value name='5432'>"
            + "<description><loctext xml:lang='C'>the default</loctext></description></value></constraints>"
            + "<choices>\(includes)</choices>"))
    }

    static let a = "a. value lengths"
    static let b = "b. degenerate FMRIs"
    static let c = "c. derived pg names"
    static let d = "d. derived property names"
    static let e = "e. stored prop_pattern cardinality"
    static let f = "f. event tokens"
    static let g = "g. apply's fatal errors"
    static let h = "h. pg name reused with another type"

    static let all: [Case] = valueLengths + fmris + derivedGroupNames + derivedPropertyNames + storedPatterns
        + eventTokens + applyErrors + reusedGroupNames

    // a. `scf_value_set_from_string` validates the 4095-byte `strlcpy` copy;
    // `valid_string` allows strlen < 4096, `valid_utf8` counts the NUL.
    static let valueLengths: [Case] = {
        let cut = "lowlevel.c: scf_value_set_from_string (strlcpy into value_value[4096])"
        let utf8 = "scf_type.c: valid_utf8 ((str - str_arg) < REP_PROTOCOL_VALUE_LEN, NUL counted)"
        let ascii = { (count: Int) in String(repeating: "x", count: count) }
        return [
            Case(area: a, source: cut, rule: "smf.value.length", command: .validate, outcome: .passes,
                 xml: value("astring", ascii(4095))),
            Case(area: a, source: cut, rule: "smf.value.length", command: .validate, outcome: .warns,
                 xml: value("astring", ascii(4096))),
            Case(area: a, source: cut, rule: "smf.value.length", command: .import, outcome: .warns,
                 xml: value("astring", ascii(9000))),
            Case(area: a, source: utf8, rule: "smf.value.syntax", command: .validate, outcome: .passes,
                 xml: value("ustring", ascii(4094))),
            Case(area: a, source: utf8, rule: "smf.value.syntax", command: .validate, outcome: .fails,
                 xml: value("ustring", ascii(4095))),
            Case(area: a, source: utf8, rule: "smf.value.syntax", command: .validate, outcome: .passes,
                 xml: value("ustring", String(repeating: "é", count: 2047))),
            Case(area: a, source: utf8, rule: "smf.value.syntax", command: .validate, outcome: .fails,
                 xml: value("ustring", String(repeating: "é", count: 2047) + "x")),
            Case(area: a, source: utf8, rule: "smf.value.syntax", command: .validate, outcome: .passes,
                 xml: value("hostname", ascii(4094))),
            Case(area: a, source: utf8, rule: "smf.value.syntax", command: .validate, outcome: .fails,
                 xml: value("hostname", ascii(4095))),
            Case(area: a, source: utf8 + " via valid_encoded_value(HOSTNAME)", rule: "smf.value.syntax",
                 command: .validate, outcome: .fails, xml: value("host", ascii(4095))),
            Case(area: a, source: "scf_type.c: valid_opaque (len / 2 < REP_PROTOCOL_VALUE_LEN, on the uncut string)",
                 rule: "smf.value.syntax", command: .validate, outcome: .passes,
                 xml: value("opaque", String(repeating: "ab", count: 4095))),
            Case(area: a, source: "scf_type.c: valid_opaque", rule: "smf.value.syntax", command: .validate,
                 outcome: .fails, xml: value("opaque", String(repeating: "ab", count: 4096))),
            Case(area: a, source: cut + "; scf_type.c: valid_uri on the copy", rule: "smf.value.length",
                 command: .validate, outcome: .warns, xml: value("uri", "http://example.com/" + ascii(5000))),
            Case(area: a, source: utf8 + " via lscf_property_import (loctext: a ustring stored unchecked)",
                 rule: "smf.template.loctext-length", command: .import, outcome: .fails,
                 xml: X.withMethods(X.template("").replacingOccurrences(">test<", ">  \(ascii(4095))  <"))),
            Case(area: a, source: "svccfg_xml.c: lxml_get_loctext (stored unchecked, trimmed)",
                 rule: "smf.template.loctext-length", command: .validate, outcome: .passes,
                 xml: X.withMethods(X.template("").replacingOccurrences(">test<", ">\(ascii(4095))<"))),
            Case(area: a, source: utf8 + " via lscf_property_import", rule: "smf.template.loctext-length",
                 command: .import, outcome: .passes,
                 xml: X.withMethods(X.template("").replacingOccurrences(">test<", ">  \(ascii(4094))  <"))),
            Case(area: a, source: utf8 + "; lxml_store_value: uu_die", rule: "smf.value.syntax", command: .apply,
                 outcome: .fails, xml: profile("<property_group name='config' type='application'>"
                    + "<propval name='v' type='ustring' value='\(ascii(4095))'/></property_group>")),
            Case(area: a, source: utf8, rule: "smf.value.syntax", command: .apply, outcome: .passes,
                 xml: profile("<property_group name='config' type='application'>"
                    + "<propval name='v' type='ustring' value='\(ascii(4094))'/></property_group>")),
        ]
    }()

    // b. After the scope, any text left is the service once one more '/' is
    // dropped; an empty service fails uu_check_name, an absent one parses.
    static let fmris: [Case] = {
        let parse = "lowlevel.c: scf_parse_svc_fmri; uu_ident.c: is_valid_ident (\"name is empty\")"
        func dep(_ fmri: String, _ outcome: Outcome) -> Case {
            Case(area: b, source: parse + " via lxml_get_dependency", rule: "smf.dependency.fmri", command: .validate,
                 outcome: outcome, xml: X.withMethods("", before: dependency(fmri)))
        }
        return [
            dep("svc:/", .fails), dep("svc:", .passes), dep("svc://", .passes), dep("svc:///", .passes),
            dep("svc:////", .fails), dep("svc:////site/other", .passes), dep("/", .fails), dep("svc:/site/x:", .fails),
            dep("svc:/site/x/:properties/", .fails), dep("file:///", .fails), dep("file:///etc/x", .passes),
            Case(area: b, source: parse + " via scf_type.c: valid_fmri", rule: "smf.value.syntax", command: .validate,
                 outcome: .fails, xml: value("fmri", "svc:/")),
            Case(area: b, source: parse + " via scf_type.c: valid_fmri", rule: "smf.value.syntax", command: .validate,
                 outcome: .passes, xml: value("fmri", "svc:")),
            Case(area: b, source: parse + " via lscf_property_import (restarter stored as an fmri value)",
                 rule: "smf.restarter.fmri", command: .import, outcome: .fails, xml: restarter("svc:/")),
            Case(area: b, source: parse + " via lscf_property_import", rule: "smf.restarter.fmri", command: .import,
                 outcome: .passes, xml: restarter("svc:")),
            Case(area: b, source: "svccfg_xml.c: lxml_get_restarter stores it unchecked", rule: "smf.restarter.fmri",
                 command: .validate, outcome: .passes, xml: restarter("svc:/")),
            Case(area: b, source: "svccfg_xml.c: validate_service_name (scf_parse_fmri reads svc://site/x: a scope)",
                 rule: "smf.name.service", command: .validate, outcome: .passes, xml: X.manifest(name: "/site/x")),
            Case(area: b, source: "svc.configd refuses the name (lscf_service_import)", rule: "smf.name.service-path",
                 command: .import, outcome: .fails, xml: X.manifest(name: "/site/x")),
            Case(area: b, source: "svccfg_xml.c: validate_service_name (svc:/ alone: empty service)",
                 rule: "smf.name.service", command: .validate, outcome: .fails, xml: X.manifest(name: "")),
        ]
    }()

    // c. snprintf(pg_name, max_scf_name_len + 1, …) >= max_scf_name_len + 1 → uu_die.
    static let derivedGroupNames: [Case] = {
        let pg = "svccfg_xml.c: lxml_get_tm_pg_pattern"
        let prop = "svccfg_xml.c: lxml_get_tm_prop_pattern"
        let rule = "smf.template.pattern-name"
        let name = { (count: Int) in String(repeating: "n", count: count) }
        return [
            Case(area: c, source: pg + " (tm_pgpatnt_ + name)", rule: rule, command: .validate, outcome: .passes,
                 xml: pattern("name='\(name(108))' type='application'")),
            Case(area: c, source: pg + " (tm_pgpatnt_ + name)", rule: rule, command: .validate, outcome: .fails,
                 xml: pattern("name='\(name(109))' type='application'")),
            Case(area: c, source: pg + " (tm_pgpatn_ + name)", rule: rule, command: .validate, outcome: .passes,
                 xml: pattern("name='\(name(109))'")),
            Case(area: c, source: pg + " (tm_pgpatn_ + name)", rule: rule, command: .validate, outcome: .fails,
                 xml: pattern("name='\(name(110))'")),
            Case(area: c, source: pg + " (tm_pgpatt_ + type)", rule: rule, command: .validate, outcome: .passes,
                 xml: pattern("type='\(name(109))'")),
            Case(area: c, source: pg + " (tm_pgpatt_ + type)", rule: rule, command: .validate, outcome: .fails,
                 xml: pattern("type='\(name(110))'")),
            Case(area: c, source: prop + " (tm_proppat_nt_config_ + name)", rule: rule, command: .validate,
                 outcome: .passes, xml: pattern("name='config' type='application'",
                                                "<prop_pattern name='\(name(98))'/>")),
            Case(area: c, source: prop + " (tm_proppat_nt_config_ + name)", rule: rule, command: .validate,
                 outcome: .fails, xml: pattern("name='config' type='application'",
                                               "<prop_pattern name='\(name(99))'/>")),
        ]
    }()

    // d. Property names built from xml:lang and from base32-encoded value names.
    static let derivedPropertyNames: [Case] = {
        let loc = "svccfg_xml.c: lxml_get_loctext"
        let val = "svccfg_xml.c: lxml_get_tm_value_element (scf_encode32, VALUE_COMMON_NAME_FMT)"
        let rule = "smf.template.derived-name"
        func templateName(_ lang: Int) -> String {
            X.withMethods("<template>\(loctext("common_name", lang: lang))</template>")
        }
        func valueName(_ count: Int) -> String {
            let name = String(repeating: "v", count: count)
            return X.withMethods(F.port + F.portPattern("<values><value name='\(name)'/></values>"))
        }
        func valueText(_ lang: Int) -> String {
            X.withMethods(F.port + F.portPattern("<values><value name='a'>\(loctext("description", lang: lang))"
                + "</value></values>"))
        }
        return [
            Case(area: d, source: loc + " (%s)", rule: rule, command: .validate, outcome: .passes,
                 xml: templateName(119)),
            Case(area: d, source: loc + " (%s)", rule: rule, command: .validate, outcome: .fails,
                 xml: templateName(120)),
            Case(area: d, source: loc + " (common_name_%s)", rule: rule, command: .validate, outcome: .passes,
                 xml: pattern("name='config' type='application'", loctext("common_name", lang: 107))),
            Case(area: d, source: loc + " (common_name_%s)", rule: rule, command: .validate, outcome: .fails,
                 xml: pattern("name='config' type='application'", loctext("common_name", lang: 108))),
            Case(area: d, source: loc + " (units_%s)", rule: rule, command: .validate, outcome: .passes,
                 xml: X.withMethods(F.port + F.portPattern(loctext("units", lang: 113)))),
            Case(area: d, source: loc + " (units_%s)", rule: rule, command: .validate, outcome: .fails,
                 xml: X.withMethods(F.port + F.portPattern(loctext("units", lang: 114)))),
            Case(area: d, source: val, rule: rule, command: .validate, outcome: .passes, xml: valueName(60)),
            Case(area: d, source: val, rule: rule, command: .validate, outcome: .fails, xml: valueName(61)),
            Case(area: d, source: val + "; " + loc, rule: rule, command: .validate, outcome: .passes,
                 xml: valueText(92)),
            Case(area: d, source: val + "; " + loc, rule: rule, command: .validate, outcome: .fails,
                 xml: valueText(93)),
        ] + notificationNames
    }()

    // d. Notification type and parameter names become `<type>,<parameter>`
    // and `<type>,active`; an FMA class becomes the group `<class>,fmnotify`.
    static let notificationNames: [Case] = {
        let type = "svccfg_xml.c: lxml_get_type (snprintf \"%s,%s\", name '%s,%s' is too long)"
        let event = "svccfg_xml.c: lxml_get_notification_parameters (event name too long)"
        func typed(_ name: Int, _ parameter: Int) -> String {
            X.withMethods(F.notification("to-offline", "<paramval name='\(String(repeating: "p", count: parameter))' "
                + "value='x'/>").replacingOccurrences("name='smtp'", "name='\(String(repeating: "t", count: name))'"))
        }
        func fma(_ length: Int) -> String {
            X.bundle("<service name='system/fm/notify-params' type='service' version='1'>\(X.methods)"
                + "<instance name='default' enabled='true'>"
                + F.notification("list." + String(repeating: "c", count: length - 5)) + "</instance></service>")
        }
        return [
            Case(area: d, source: type, rule: "smf.notification.attributes", command: .validate, outcome: .passes,
                 xml: typed(112, 1)),
            Case(area: d, source: type + " (<type>,active)", rule: "smf.notification.attributes", command: .validate,
                 outcome: .fails, xml: typed(113, 1)),
            Case(area: d, source: type, rule: "smf.notification.attributes", command: .validate, outcome: .passes,
                 xml: typed(4, 114)),
            Case(area: d, source: type, rule: "smf.notification.attributes", command: .validate, outcome: .fails,
                 xml: typed(4, 115)),
            Case(area: d, source: event, rule: "smf.notification.event", command: .validate, outcome: .passes,
                 xml: fma(110)),
            Case(area: d, source: event, rule: "smf.notification.event", command: .validate, outcome: .fails,
                 xml: fma(111)),
        ]
    }()

    // e. choices_include_values is 1..1 in global.xml's template_prop_pattern.
    static let storedPatterns: [Case] = {
        let source = "svccfg_xml.c: lxml_get_tm_include_values; global.xml: template_prop_pattern "
            + "choices_include_values cardinality 1..1; svccfg_tmpl.c: tmpl_validate_bundle"
        let both = choices("<include_values type='constraints'/><include_values type='values'/>")
        return [
            Case(area: e, source: source, rule: "smf.global.template", command: .validate, outcome: .fails, xml: both),
            Case(area: e, source: source, rule: "smf.global.template", command: .importStrict, outcome: .fails,
                 xml: both),
            Case(area: e, source: source, rule: "smf.global.template", command: .import, outcome: .warns, xml: both),
            Case(area: e, source: source, rule: "smf.global.template", command: .validate, outcome: .fails,
                 xml: choices("<include_values type='constraints'/><include_values type='constraints'/>")),
            Case(area: e, source: source, rule: "smf.global.template", command: .validate, outcome: .passes,
                 xml: choices("<include_values type='values'/>")),
        ]
    }()

    // f. tokenize: strtok_r(str, ",", &lasts) skips empty fields.
    static let eventTokens: [Case] = {
        let source = "svccfg_libscf.c: tokenize (strtok_r), check_tokens"
        func event(_ value: String, _ outcome: Outcome) -> Case {
            Case(area: f, source: source, rule: "smf.notification.event", command: .validate, outcome: outcome,
                 xml: X.withMethods(F.notification(value)))
        }
        return [
            event("to-online,,to-offline", .passes), event(",to-online,", .passes), event("to-online,", .passes),
            event(",", .fails), event("", .fails), event(",,bogus", .fails),
            event("to-online,,problem-updated", .fails),
        ]
    }()

    // g. engine_apply sets SC_CMD_DONT_EXIT: semerr only prints; a profile
    // fails when lxml_get_bundle_file returns -1 or uu_die exits.
    static let applyErrors: [Case] = {
        let printed = "svccfg_engine.c: engine_apply (SC_CMD_DONT_EXIT); svccfg_main.c: semerr"
        let repository = "svccfg_libscf.c: lscf_bundle_apply, _lscf_import_err (EINVAL → IMPORT_NEXT)"
        let config = { (body: String) in "<property_group name='config' type='application'>\(body)</property_group>" }
        return [
            Case(area: g, source: printed + "; svccfg_internal.c: internal_attach_property; (void) lxml_get_pgroup",
                 rule: "smf.duplicate.property", command: .apply, outcome: .warns,
                 xml: profile(config("<propval name='p' type='count' value='1'/><propval name='p' type='count' "
                    + "value='2'/>"))),
            Case(area: g, source: printed + "; lxml_get_dependent; (void) lxml_get_dependent",
                 rule: "smf.dependent.name-clash", command: .apply, outcome: .warns,
                 xml: profile(dependency("svc:/milestone/multi-user", name: "x") + F.dependent("x"))),
            Case(area: g, source: repository, rule: "smf.name.property", command: .apply, outcome: .warns,
                 xml: profile(config("<propval name='1p' type='count' value='1'/>"))),
            Case(area: g, source: repository, rule: "smf.name.property-group", command: .apply, outcome: .warns,
                 xml: profile("<property_group name='my.config' type='application'/>")),
            Case(area: g, source: "svccfg_xml.c: lxml_store_value (uu_die)", rule: "smf.value.syntax",
                 command: .apply, outcome: .fails, xml: profile(config("<propval name='p' type='count' value='x'/>"))),
            Case(area: g, source: "svccfg_xml.c: lxml_get_instance (semerr, return (-1)); svccfg_engine.c: "
                + "engine_apply exit(1)", rule: "smf.profile.template", command: .apply, outcome: .fails,
                 xml: profile(X.template(""))),
            Case(area: g, source: "svccfg_xml.c: lxml_get_instance (Invalid enabled value, return (-1))",
                 rule: "smf.instance.enabled", command: .apply, outcome: .fails,
                 xml: X.bundle("<service name='site/test' version='1' type='service'>"
                    + "<instance name='default' enabled='yes'/></service>", type: "profile")),
            Case(area: g, source: "svccfg_xml.c: lxml_get_notification_parameters (MIXED_TOKENS: semerr, r = -1, "
                + "returned by lxml_get_instance)", rule: "smf.notification.event", command: .apply, outcome: .fails,
                 xml: profile(F.notification("to-online,problem-updated"))),
            Case(area: g, source: "svccfg_xml.c: lxml_get_notification_parameters (INVALID_TOKENS: uu_die)",
                 rule: "smf.notification.event", command: .apply, outcome: .fails, xml: profile(F.notification(","))),
            Case(area: g, source: "svccfg_xml.c: lxml_get_instance (default: uu_die \"illegal element\")",
                 rule: "smf.profile.element", command: .apply, outcome: .fails, xml: profile("<enabled/>")),
            Case(area: g, source: "svccfg_xml.c: lxml_get_pgroup (default: abort())", rule: "smf.profile.element",
                 command: .apply, outcome: .fails, xml: profile(config("<value_node value='1'/>"))),
            Case(area: g, source: "svccfg_xml.c: lxml_get_event (default: uu_warn); profiles are not DTD-validated",
                 rule: "smf.profile.element", command: .apply, outcome: .passes,
                 xml: profile(F.notification("to-offline").replacingOccurrences("</type>", "</type><extra/>"))),
        ]
    }()

    // h. internal_pgroup_create_common finds by name and type and attaches
    // the new group while its name is still "<unset>".
    static let reusedGroupNames: [Case] = {
        let source = "svccfg_internal.c: internal_pgroup_create_common, internal_attach_pgroup"
        let groups = X.config("<propval name='a' type='count' value='1'/>")
            + "<property_group name='config' type='framework'><propval name='b' type='count' value='1'/>"
            + "</property_group>"
        let rule = "smf.duplicate.property-group"
        return [
            Case(area: h, source: source, rule: rule, command: .validate, outcome: .passes, xml: X.withMethods(groups)),
            Case(area: h, source: source + "; svccfg_libscf.c: entity_pgroup_import (SCF_ERROR_EXISTS)", rule: rule,
                 command: .import, outcome: .fails, xml: X.withMethods(groups)),
            Case(area: h, source: source + "; svccfg_libscf.c: lscf_bundle_apply (SCI_FORCE | SCI_KEEP)", rule: rule,
                 command: .apply, outcome: .passes, xml: profile(groups)),
            Case(area: h, source: source + "; svccfg_tmpl.c: composed_pg_compare (name, then type): both groups are "
                + "validated, and restarter.xml's start/method pattern matches the application one by name",
                 rule: "smf.startd.template", command: .validate, outcome: .fails,
                 xml: X.withMethods("<property_group name='start' type='application'/>")),
            Case(area: h, source: "svccfg_tmpl.c: build_composed_property_groups composes an instance and a "
                + "service group only when name and type match", rule: "smf.template.pg-type", command: .validate,
                 outcome: .fails, xml: X.withMethods(
                    "<property_group name='config' type='framework'/>"
                        + "<instance name='node1' enabled='false'>\(F.port)</instance>"
                        + X.template("<pg_pattern name='config' type='application'/>"), head: "")),
            Case(area: h, source: "svccfg_tmpl.c: build_composed_property_groups", rule: "smf.template.pg-type",
                 command: .validate, outcome: .passes, xml: X.withMethods(
                    "<property_group name='config' type='application'/>"
                        + "<instance name='node1' enabled='false'>\(F.port)</instance>"
                        + X.template("<pg_pattern name='config' type='application'/>"), head: "")),
        ]
    }()
}
