import Diagnostics

/// `svccfg_tmpl.c: tmpl_scan_general`: an instance or service pg_pattern
/// that redefines a pg_pattern of svc.startd's or the global templates
/// aimed at it (matched by name, or by type when unnamed): `Service or
/// instance pg_pattern redefines a global or restarter pg_pattern`. A
/// TVS_WARN: `svccfg validate` fails on it, `svccfg import` only warns.
public struct RedefinesBuiltinPatternRule: SemanticRule {
    public static let id = "smf.template.redefines-builtin"
    public static let summary = "templates do not redefine a global or svc.startd pg_pattern (warning, as svccfg import)"
    public static let severity = Diagnostic.Severity.warning
    /// Per svccfg command (`.templateWarning`): `svccfg_tmpl.c: tmpl_scan_general` returns `TVS_WARN`.
    public static let verdicts = RuleVerdicts.templateWarning
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        var found: [Diagnostic] = []
        for composed in document.composedInstances {
            var general: [(TemplateLevel, PGPattern)] = []
            if composed.isDelegatedToStartd {
                general += BuiltinTemplates.startdDelegate.map { (.restarter, $0) }
            }
            if composed.service.name != BuiltinTemplates.globalServiceName {
                general += BuiltinTemplates.global.map { (.global, $0) }
            }
            let instancePatterns = composed.instance.entity.template?.pgPatterns ?? []
            let servicePatterns = composed.service.entity.template?.pgPatterns ?? []
            guard !instancePatterns.isEmpty || !servicePatterns.isEmpty else { continue }
            // The instance's patterns first: `gather_pattern` keeps the first of a key.
            let own = PatternKeys(instancePatterns.map { (TemplateLevel.instance, $0) }
                + servicePatterns.map { (TemplateLevel.service, $0) })
            for (level, builtin) in general where level.applies(target: builtin.target) {
                guard let (ownLevel, match) = own[builtin], ownLevel.applies(target: match.target) else { continue }
                found.append(diagnostic("Service or instance pg_pattern redefines a global or restarter pg_pattern: "
                    + "FMRI=\"\(composed.fmri)\"; Name=\"\(match.name ?? "")\"; Type=\"\(match.type ?? "")\"",
                    at: match.location, in: document))
            }
        }
        return found
    }

    /// `ptrn_info_compare`: patterns are the same key by name when both are
    /// named, else by type.
    private struct PatternKeys {
        private var byName: [String: (TemplateLevel, PGPattern)] = [:]
        private var byType: [String: (TemplateLevel, PGPattern)] = [:]

        init(_ patterns: [(TemplateLevel, PGPattern)]) {
            for entry in patterns {
                let (name, type) = (entry.1.name ?? "", entry.1.type ?? "")
                if !name.isEmpty {
                    if byName[name] == nil { byName[name] = entry }
                } else if byType[type] == nil {
                    byType[type] = entry
                }
            }
        }

        subscript(pattern: PGPattern) -> (TemplateLevel, PGPattern)? {
            let name = pattern.name ?? ""
            return name.isEmpty ? byType[pattern.type ?? ""] : byName[name]
        }
    }
}
