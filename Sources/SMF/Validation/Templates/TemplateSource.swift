/// Where a pg_pattern applied to an instance comes from, in the order
/// template validation searches them (`scf_tmpl.c`, smf.md §4.3).
public enum TemplateLevel: Int, Comparable, Sendable, CaseIterable {
    case instance, service, restarter, global

    public static func < (lhs: TemplateLevel, rhs: TemplateLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The `target` values that apply at this level (`target_check`).
    var applicableTargets: Set<String> {
        switch self {
        case .instance: ["this"]
        case .service: ["this", "instance"]
        case .restarter: ["delegate"]
        case .global: ["all"]
        }
    }
}

/// One pg_pattern that applies to an instance, and where it came from.
struct AppliedPattern {
    var level: TemplateLevel
    var pattern: PGPattern

    var name: String { pattern.name ?? "" }
    var type: String { pattern.type ?? "" }
    var isRequired: Bool { pattern.required == "true" }
}

extension ComposedInstance {
    /// The pg_patterns that apply to this instance, most authoritative level
    /// first. The repository's templates (svc.startd, global) are the built-in
    /// ones; another restarter's templates are not known and are skipped, as
    /// svccfg skips what its repository lacks.
    var appliedPatterns: [AppliedPattern] {
        var applied: [AppliedPattern] = []
        func add(_ patterns: [PGPattern], _ level: TemplateLevel) {
            for pattern in patterns where level.applicableTargets.contains(pattern.target ?? "this") {
                applied.append(AppliedPattern(level: level, pattern: pattern))
            }
        }
        add(instance.entity.template?.pgPatterns ?? [], .instance)
        add(service.entity.template?.pgPatterns ?? [], .service)
        if isDelegatedToStartd { add(BuiltinTemplates.startdDelegate, .restarter) }
        add(BuiltinTemplates.global, .global)
        return applied
    }
}
