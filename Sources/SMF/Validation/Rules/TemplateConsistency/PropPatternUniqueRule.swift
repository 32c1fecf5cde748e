import Diagnostics

/// `lxml_get_tm_prop_pattern`: a pg_pattern declares each prop_pattern once
/// (`Property group for prop_pattern, "%s", already exists in %s`).
public struct PropPatternUniqueRule: SemanticRule {
    public static let id = "smf.template.prop-pattern-unique"
    public static let summary = "prop_patterns are unique within their pg_pattern"
    /// Per svccfg command (`.loading`): `lxml_get_tm_prop_pattern`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.declaredPGPatterns.flatMap { declared -> [Diagnostic] in
            var seen: Set<String> = []
            return declared.pattern.propPatterns.compactMap { prop in
                guard !prop.name.isEmpty, !seen.insert(prop.name).inserted else { return nil }
                return diagnostic("Property group for prop_pattern, \"\(prop.name)\", already exists in "
                    + "\(declared.entity.fmri)", at: prop.location, in: document)
            }
        }
    }
}
