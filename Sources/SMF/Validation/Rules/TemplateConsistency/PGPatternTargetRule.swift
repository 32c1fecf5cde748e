import Diagnostics

/// `verify_pg_pattern_attributes`: `instance` only in a service's template,
/// `delegate` only in a restarter service, `all` only in the global service.
public struct PGPatternTargetRule: SemanticRule {
    public static let id = "smf.template.target"
    public static let summary = "pg_pattern target fits where it is declared (instance/delegate/all restrictions)"
    /// Per svccfg command (`.loading`): `lxml_get_tm_pg_pattern`: `verify_pg_pattern_attributes` fails →
    /// `semerr("Invalid pg_pattern attributes in %s")`, `r = -1`, returned by `lxml_get_template`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.declaredPGPatterns.compactMap { declared in
            let entity = declared.entity
            let location = declared.pattern.location
            switch declared.pattern.target ?? "this" {
            case "instance" where entity.instance != nil:
                return diagnostic("pg_pattern target attribute may only have a value of \"instance\" when it is in "
                    + "a service declaration. (\(entity.fmri))", at: location, in: document)
            case "delegate" where entity.service.type != "restarter":
                return diagnostic("pg_pattern target attribute in \(entity.fmri) has a value of \"delegate\" but is "
                    + "not in a restarter service", at: location, in: document)
            case "all" where entity.instance != nil || entity.service.name != BuiltinTemplates.globalServiceName:
                return diagnostic("pg_pattern target attribute is in the \"\(entity.service.name)\" service.  "
                    + "pg_patterns with target \"all\" are only allowed in the global service.",
                    at: location, in: document)
            default:
                return nil
            }
        }
    }
}
