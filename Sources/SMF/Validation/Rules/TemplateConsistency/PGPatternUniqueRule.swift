import Diagnostics

/// `lxml_get_tm_pg_pattern`: an entity declares each pg_pattern once
/// (`pg_pattern with name "%s" and type "%s" is not unique in %s`). The
/// stored group is keyed by name when there is one, so one name with two
/// types collides too.
public struct PGPatternUniqueRule: SemanticRule {
    public static let id = "smf.template.pg-pattern-unique"
    public static let summary = "pg_patterns are unique per entity (by name, else by type)"
    /// Per svccfg command (`.loading`): `lxml_get_tm_pg_pattern`: `semerr`, `goto out` with `r = -1`, returned by
    /// `lxml_get_template`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            var seen: Set<String> = []
            return (entity.entity.template?.pgPatterns ?? []).compactMap { pattern in
                guard !seen.insert(pattern.storageName).inserted else { return nil }
                return diagnostic("pg_pattern with name \"\(pattern.name ?? "")\" and type \"\(pattern.type ?? "")\" "
                    + "is not unique in \(entity.fmri)", at: pattern.location, in: document)
            }
        }
    }
}
