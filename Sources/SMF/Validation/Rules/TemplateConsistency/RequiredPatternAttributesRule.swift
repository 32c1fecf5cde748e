import Diagnostics

/// `svccfg_tmpl.c: tmpl_required_attr_present`, per instance: a required pg_pattern needs a name and a type (`Required
/// pg_pattern is missing a name or type attribute`), a required
/// prop_pattern a type (`Required prop_pattern is missing a type attribute`).
public struct RequiredPatternAttributesRule: SemanticRule {
    public static let id = "smf.template.required-attributes"
    public static let summary = "required pg_patterns have name and type; required prop_patterns have a type"
    /// Per svccfg command (`.template`): `svccfg_tmpl.c: tmpl_required_attr_present` returns `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        return document.declaredPGPatterns.filter(\.isValidatedPerInstance).flatMap { declared -> [Diagnostic] in
            var found: [Diagnostic] = []
            let pattern = declared.pattern
            if pattern.required == "true", (pattern.name ?? "").isEmpty || (pattern.type ?? "").isEmpty {
                found.append(diagnostic("Required pg_pattern is missing a name or type attribute in "
                    + "\(declared.entity.fmri)", at: pattern.location, in: document))
            }
            for prop in pattern.propPatterns where prop.required == "true" && (prop.type ?? "").isEmpty {
                found.append(diagnostic("Required prop_pattern is missing a type attribute: \"\(prop.name)\" in "
                    + "\(declared.entity.fmri)", at: prop.location, in: document))
            }
            return found
        }
    }
}
