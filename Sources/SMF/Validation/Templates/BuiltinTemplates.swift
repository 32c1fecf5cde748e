/// The templates svccfg takes from the repository rather than from the file:
/// svc.startd's delegate patterns (`restarter.xml`) and the global patterns
/// (`global.xml`), both in the illumos build's seed repository, so the build's
/// `svccfg validate` applies them to every manifest (smf.md §4.4).
///
/// Only what template validation enforces is kept: names, types, `required`,
/// cardinality and constraints (descriptions, `values` and `choices` are
/// informational and not enforced).
public enum BuiltinTemplates {
    public static let startdFMRI = "svc:/system/svc/restarter:default"
    public static let globalFMRI = "svc:/system/svc/global:default"
    public static let globalServiceName = "system/svc/global"

    /// `restarter.xml`'s `target='delegate'` pg_patterns: what every instance
    /// svc.startd runs must (or may) have.
    public static let startdDelegate: [PGPattern] = [
        pg("start", "method", required: true, target: "delegate", methodProperties),
        pg("stop", "method", required: true, target: "delegate", methodProperties),
        pg("refresh", "method", required: false, target: "delegate", methodProperties),
        pg("startd", "framework", required: false, target: "delegate", [
            prop("duration", .astring, one, constraints: ["contract", "transient", "child"]),
            prop("ignore_error", .astring, one),
            prop("need_session", .boolean, one),
            prop("utmpx_prefix", .astring, one),
        ]),
        pg("restarter", "framework", required: false, target: "delegate", [
            prop("alt_logfile", .astring, one), prop("logfile", .astring, one),
            prop("contract", .count, one), prop("start_pid", .count, one),
            prop("start_method_timestamp", .time, one), prop("auxiliary_state", .astring, one),
            prop("auxiliary_fmri", .astring, nil), prop("state_timestamp", .time, one),
            prop("state", .astring, one,
                 constraints: ["online", "offline", "uninitialized", "degraded", "disabled", "maintenance"]),
            prop("next_state", .astring, one,
                 constraints: ["online", "offline", "degraded", "disabled", "maintenance", "none"]),
        ]),
    ]

    /// `global.xml`'s `target='all'` pg_patterns: what every instance must
    /// (or may) have.
    public static let global: [PGPattern] = [
        pg("general", "framework", required: true, [
            prop("enabled", .boolean, one, required: true),
            prop("restarter", .fmri, one),
            prop("single_instance", .boolean, one),
        ]),
        pg(nil, "dependency", required: false, [
            prop("entities", .fmri, ("1", maxCount), required: true),
            prop("external", .boolean, one),
            prop("grouping", .astring, one, required: true,
                 constraints: ["require_all", "require_any", "optional_all", "exclude_all"]),
            prop("restart_on", .astring, one, required: true, constraints: ["none", "error", "restart", "refresh"]),
            prop("type", .astring, one, required: true, constraints: ["service", "path"]),
        ]),
        // These two match the groups svccfg stores templates in; smfkit checks
        // templates by their own rules instead, but keeps the data whole.
        pg(nil, "template_pg_pattern", required: false, [
            prop("name", .astring, one), prop("type", .astring, one), prop("required", .boolean, one),
            prop("target", .astring, one, constraints: ["this", "instance", "delegate", "all"]),
        ]),
        pg(nil, "template_prop_pattern", required: false, [
            prop("name", .astring, one, required: true), prop("pg_pattern", .astring, one, required: true),
            prop("required", .boolean, one), prop("type", .astring, one),
            prop("visibility", .astring, one, constraints: ["hidden", "readonly", "readwrite"]),
            prop("cardinality_min", .count, one), prop("cardinality_max", .count, one),
            prop("internal_separators", .astring, ("1", maxCount)), prop("constraint_name", .astring, ("1", maxCount)),
            prop("constraint_range", .astring, ("1", maxCount)), prop("choices_range", .astring, ("1", maxCount)),
            prop("choices_name", .astring, ("1", maxCount)),
            prop("choices_include_values", .astring, one, constraints: ["constraints", "values"]),
        ]),
        pg("method_context", "framework", required: false, contextProperties(environment: false)),
        pg("firewall_context", "com.sun,fw_definition", required: false, [
            prop("name", .astring, nil), prop("isrpc", .boolean, nil), prop("ipf_method", .astring, nil),
        ]),
        pg("firewall_config", "com.sun,fw_configuration", required: false, [
            prop("policy", .astring, one, required: true), prop("block_policy", .astring, one),
            prop("apply_to", .astring, nil), prop("apply_to_6", .astring, nil),
            prop("exceptions", .astring, nil), prop("exceptions_6", .astring, nil),
            prop("target", .astring, nil), prop("target6", .astring, nil),
        ]),
        pg(nil, "notify_params", required: false, [
            prop("smtp,active", .boolean, nil), prop("smtp,to", .astring, nil),
            prop("smtp,reply-to", .astring, nil), prop("snmp,active", .boolean, nil),
            prop("syslog,active", .boolean, nil),
        ]),
    ]

    // MARK: - Building blocks

    /// The DTD's default cardinality maximum, 2^64-1.
    static let maxCount = "18446744073709551615"
    private static let one: (String, String)? = ("1", "1")

    private static var methodProperties: [PropPattern] {
        [
            prop("exec", .astring, one, required: true),
            prop("type", .astring, one, required: true, constraints: ["method"]),
            prop("timeout_seconds", .count, one, required: true),
        ] + contextProperties(environment: true)
    }

    private static func contextProperties(environment: Bool) -> [PropPattern] {
        let single = ["working_directory", "project", "resource_pool", "security_flags", "user", "group",
                      "supp_groups", "privileges", "limit_privileges"].map { prop($0, .astring, one) }
        return single + [prop("use_profile", .boolean, one), prop("profile", .astring, one)]
            + (environment ? [prop("environment", .astring, nil)] : [])
    }

    private static func pg(
        _ name: String?, _ type: String, required: Bool, target: String = "all", _ props: [PropPattern]
    ) -> PGPattern {
        PGPattern(name: name ?? "", type: type, required: required ? "true" : "false", target: target,
                  propPatterns: props)
    }

    private static func prop(
        _ name: String, _ type: SMFType, _ cardinality: (String, String)?, required: Bool = false,
        constraints: [String]? = nil
    ) -> PropPattern {
        PropPattern(
            name: name, type: type.rawValue, required: required ? "true" : "false",
            cardinality: cardinality.map { Cardinality(min: $0.0, max: $0.1) } ?? Cardinality(min: "0", max: maxCount),
            constraints: constraints.map { ValueSet(values: $0.map { TemplateValue(name: $0) }) })
    }
}
