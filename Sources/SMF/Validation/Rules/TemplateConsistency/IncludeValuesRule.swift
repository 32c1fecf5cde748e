import Diagnostics

/// `scf_tmpl.c`: `choices/include_values type='constraints'|'values'` needs
/// constraints or values in the same prop_pattern (`Missing constraints or
/// values for include_values element`).
public struct IncludeValuesRule: SemanticRule {
    public static let id = "smf.template.include-values"
    public static let summary = "include_values refers to constraints or values the prop_pattern has"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.declaredPGPatterns.flatMap { declared in
            declared.pattern.propPatterns.flatMap { prop in
                (prop.choices?.includeValues ?? []).compactMap { kind in
                    let backed = switch kind {
                    case "constraints":
                        !((prop.constraints?.values.isEmpty ?? true) && (prop.constraints?.ranges.isEmpty ?? true))
                    case "values": !(prop.values?.isEmpty ?? true)
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
