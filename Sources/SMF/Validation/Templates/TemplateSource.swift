/// Where a pg_pattern applied to an instance comes from, in the order
/// template validation searches them (`svccfg_tmpl.c: next_pattern_pg`,
/// smf.md §4.3).
public enum TemplateLevel: Int, Comparable, Sendable, CaseIterable {
    case instance, service, restarter, global

    public static func < (lhs: TemplateLevel, rhs: TemplateLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether a pg_pattern declared at this level with `target` applies to
    /// the instance being validated (`svccfg_tmpl.c: target_check`): `this`
    /// at the instance and service levels, `delegate` from a restarter or
    /// global, `instance` only from the service, `all` only from global.
    /// An unknown target applies everywhere, as in svccfg.
    func applies(target: String?) -> Bool {
        // A missing or empty target means `this`.
        switch target.flatMap({ $0.isEmpty ? nil : $0 }) ?? "this" {
        case "this": self == .instance || self == .service
        case "delegate": self == .restarter || self == .global
        case "instance": self == .service
        case "all": self == .global
        default: true
        }
    }
}

/// One pg_pattern that applies to an instance, and where it came from.
struct AppliedPattern: Sendable {
    let level: TemplateLevel
    let pattern: PGPattern
    /// Its prop_patterns by name (the first of a name wins).
    private let propPatterns: [String: PropPattern]

    init(level: TemplateLevel, pattern: PGPattern) {
        self.level = level
        self.pattern = pattern
        var byName: [String: PropPattern] = [:]
        for prop in pattern.propPatterns where byName[prop.name] == nil { byName[prop.name] = prop }
        propPatterns = byName
    }

    var name: String { pattern.name ?? "" }
    var type: String { pattern.type ?? "" }
    var isRequired: Bool { pattern.required == "true" }

    func propPattern(named name: String) -> PropPattern? { propPatterns[name] }
}

extension ComposedInstance {
    /// The pg_patterns that apply to this instance, most authoritative level
    /// first. The repository's templates (svc.startd, global) are the built-in
    /// ones; another restarter's templates are not known and are skipped, as
    /// svccfg skips what its repository lacks.
    var appliedPatterns: [AppliedPattern] {
        var applied: [AppliedPattern] = []
        func add(_ patterns: [PGPattern], _ level: TemplateLevel) {
            for pattern in patterns where level.applies(target: pattern.target) {
                applied.append(AppliedPattern(level: level, pattern: pattern))
            }
        }
        add(instance.entity.template?.pgPatterns ?? [], .instance)
        add(service.entity.template?.pgPatterns ?? [], .service)
        if isDelegatedToStartd { applied += Self.startdPatterns }
        // svccfg does not load the global templates for the global service.
        if service.name != BuiltinTemplates.globalServiceName { applied += Self.globalPatterns }
        return applied
    }

    /// The built-in patterns are the same for every instance: indexed once.
    private static let startdPatterns = BuiltinTemplates.startdDelegate
        .filter { TemplateLevel.restarter.applies(target: $0.target) }
        .map { AppliedPattern(level: .restarter, pattern: $0) }
    private static let globalPatterns = BuiltinTemplates.global
        .filter { TemplateLevel.global.applies(target: $0.target) }
        .map { AppliedPattern(level: .global, pattern: $0) }
}
