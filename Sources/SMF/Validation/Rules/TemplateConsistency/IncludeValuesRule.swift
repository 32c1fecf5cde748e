import Diagnostics

/// `svccfg_tmpl.c: include_values_support`, per instance: `include_values
/// type='constraints'` needs a constraint value or range in the same
/// prop_pattern, `type='values'` a stored `value_…` property — which only a
/// `<value>` with a common_name or description makes (a bare `values_name`
/// does not count). `Missing constraints or values for include_values element`.
public struct IncludeValuesRule: SemanticRule {
    public static let id = "smf.template.include-values"
    public static let summary = "include_values refers to constraints or values the prop_pattern has"
    /// Per svccfg command (`.template`): `svccfg_tmpl.c: include_values_support` fails with `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        return document.declaredPGPatterns.filter(\.isValidatedPerInstance).flatMap { declared in
            declared.pattern.propPatterns.flatMap { prop in
                (prop.choices?.includeValues ?? []).compactMap { kind in
                    let backed = switch kind {
                    case "constraints":
                        !((prop.constraints?.values.isEmpty ?? true) && (prop.constraints?.ranges.isEmpty ?? true))
                    case "values": ((prop.values ?? []) + (prop.constraints?.values ?? []) + (prop.choices?.values ?? []))
                        .contains { !($0.commonName ?? []).isEmpty || !($0.description ?? []).isEmpty }
                    default: true
                    }
                    guard !backed else { return nil }
                    return diagnostic("Missing constraints or values for include_values element "
                        + "(type \"\(kind)\") in prop_pattern \"\(prop.name)\" of \(declared.entity.fmri)",
                        at: prop.choices?.location ?? prop.location, in: document)
                }
            }
        }
    }
}
