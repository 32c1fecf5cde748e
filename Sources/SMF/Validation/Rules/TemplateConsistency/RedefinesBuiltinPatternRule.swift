import Diagnostics

/// `scf_tmpl.c`: a service or instance pg_pattern with the name and type of
/// a global or svc.startd pg_pattern that applies to it (`Service or
/// instance pg_pattern redefines a global or restarter pg_pattern`). A
/// TVS_WARN: `svccfg validate` fails on it, `svccfg import` only warns.
public struct RedefinesBuiltinPatternRule: SemanticRule {
    public static let id = "smf.template.redefines-builtin"
    public static let summary = "templates do not redefine a global or svc.startd pg_pattern (warning, as svccfg import)"
    public static let severity = Diagnostic.Severity.warning
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        var found: [Diagnostic] = []
        for composed in document.composedInstances {
            let builtins = BuiltinTemplates.global + (composed.isDelegatedToStartd ? BuiltinTemplates.startdDelegate : [])
            for applied in composed.appliedPatterns where applied.level <= .service && !applied.name.isEmpty {
                guard builtins.contains(where: { $0.name == applied.name && $0.type == applied.type }) else { continue }
                let message = "Service or instance pg_pattern redefines a global or restarter pg_pattern: "
                    + "FMRI=\"\(composed.fmri)\"; Name=\"\(applied.name)\"; Type=\"\(applied.type)\""
                found.append(diagnostic(message, at: applied.pattern.location, in: document))
            }
        }
        return found
    }
}
