import Diagnostics

/// Applies templates to each instance's composed view, as
/// `svccfg_tmpl.c: tmpl_validate_instance` does for every instance of a
/// manifest (smf.md §4.3): each group against its pg_pattern, then the
/// required groups.
///
/// Instances without templates of their own see the same patterns, so the
/// service groups they inherit are validated once per service and the
/// findings stamped with each instance's FMRI: many instances of a large
/// service cost their own groups, not the service's again.
final class TemplateValidator {
    private var patternsByContext: [String: PatternIndex] = [:]
    private var serviceFindingsByContext: [String: [TemplateFinding]] = [:]
    private var storedFindingsByContext: [String: [TemplateFinding]] = [:]

    func findings(for composed: ComposedInstance) -> [TemplateFinding] {
        let ownPatterns = composed.instance.entity.template?.pgPatterns ?? []
        // What decides the applicable patterns besides the instance's own.
        let context: String? = ownPatterns.isEmpty
            ? "\(composed.service.name)\u{0}\(composed.isDelegatedToStartd)" : nil
        let patterns = context.flatMap { patternsByContext[$0] } ?? PatternIndex(composed.appliedPatterns)
        if let context { patternsByContext[context] = patterns }

        var findings: [TemplateFinding] = []
        let view = composed.view
        // Only groups of type `template` are skipped (`tmpl_validate_entity_pgs`).
        for own in view.instanceGroups.groups {
            let group = view.templatesCompose(own.name) ? view.group(named: own.name) ?? own : own
            guard group.type != "template", let match = patterns.match(for: group) else { continue }
            findings += Self.check(group, against: match, fmri: composed.fmri)
        }
        let inherited: [TemplateFinding]
        if let context, let cached = serviceFindingsByContext[context] {
            inherited = cached
        } else {
            inherited = view.serviceGroups.groups.flatMap { group -> [TemplateFinding] in
                guard group.type != "template", let match = patterns.match(for: group) else { return [] }
                return Self.check(group, against: match, fmri: composed.fmri)
            }
            if let context { serviceFindingsByContext[context] = inherited }
        }
        // A service group the instance's group of the same name and type
        // hides was checked, composed, above.
        let hidden = { (name: String) in view.instanceDefines(name) && view.templatesCompose(name) }
        findings += inherited.filter { !hidden($0.group ?? "") }.map {
            var finding = $0
            finding.fmri = composed.fmri
            return finding
        }
        // Groups of a name another type holds are validated as well, as
        // `composed_pg_compare` keys groups by name and type.
        for shadow in composed.shadowGroups where shadow.type != "template" {
            guard let match = patterns.match(for: shadow) else { continue }
            findings += Self.check(shadow, against: match, fmri: composed.fmri)
        }
        // The groups storing the templates' prop_patterns are groups too.
        // Without templates of its own an instance stores only its
        // service's, checked against the same patterns: once per service,
        // each finding stamped with the instance.
        let stored: [TemplateFinding]
        if let context, let cached = storedFindingsByContext[context] {
            stored = cached
        } else {
            stored = StoredPatternGroups.groups(for: composed).flatMap { group -> [TemplateFinding] in
                guard let match = patterns.match(for: group) else { return [] }
                return Self.check(group, against: match, fmri: composed.fmri)
            }
            if let context { storedFindingsByContext[context] = stored }
        }
        findings += stored.map {
            var finding = $0
            finding.fmri = composed.fmri
            return finding
        }
        // `tmpl_required_pg_present`: the composed view is keyed by name and type.
        let candidates = { (name: String) in
            [view.instanceGroups[name], view.serviceGroups[name]].compactMap { $0 }
                + composed.shadowGroups.filter { $0.name == name }
        }
        for applied in patterns.required {
            if candidates(applied.name).contains(where: { applied.type.isEmpty || $0.type == applied.type }) {
                continue
            }
            findings.append(TemplateFinding(
                kind: .requiredPropertyGroup, level: applied.level, fmri: composed.fmri, group: nil,
                detail: "; Name of missing property group=\"\(applied.name)\"; Type of missing property group="
                    + "\"\(applied.type)\"",
                location: composed.instance.location ?? composed.service.location))
        }
        return findings
    }

    /// The pg_pattern a group is checked against (`tmpl_find_pg_pattern`).
    static func matchingPattern(for group: PropertyGroupView, in patterns: [AppliedPattern]) -> AppliedPattern? {
        PatternIndex(patterns).match(for: group)
    }

    /// `tmpl_validate_pg` and `tmpl_validate_prop`.
    private static func check(_ group: PropertyGroupView, against applied: AppliedPattern, fmri: String)
        -> [TemplateFinding]
    {
        var findings: [TemplateFinding] = []
        func report(_ kind: TemplateFinding.Kind, _ detail: String, _ location: SourceLocation?) {
            findings.append(TemplateFinding(kind: kind, level: applied.level, fmri: fmri, group: group.name,
                                            detail: detail, location: location))
        }
        if !applied.type.isEmpty {
            if let type = group.type, !type.isEmpty {
                if type != applied.type {
                    report(.propertyGroupType, "; Type=\"\(type)\"; Template type=\"\(applied.type)\"", group.location)
                }
            } else {
                report(.missingGroupType, "; Template type=\"\(applied.type)\"", group.location)
            }
        }
        for property in group.properties {
            guard let propPattern = applied.propPattern(named: property.name) else { continue }
            let at = "; Property=\"\(property.name)\""
            if let typeText = propPattern.type, !typeText.isEmpty {
                if let wanted = SMFType(rawValue: typeText) {
                    if let actual = property.smfType, !wanted.accepts(actual) {
                        report(.propertyType, "\(at); Type=\"\(actual.rawValue)\"; Template type=\"\(wanted.rawValue)\"",
                               property.location)
                    }
                } else {
                    report(.invalidPatternType, "\(at); Template type=\"\(typeText)\"", property.location)
                }
            }
            if let (min, max) = TemplateNumbers.cardinality(of: propPattern),
               !(min == 0 && max == UInt64.max), !(min...max).contains(UInt64(property.values.count)) {
                report(.cardinality, "\(at); Number of values=\(property.values.count); Minimum=\(min); "
                    + "Maximum=\(max)", property.location)
            }
            guard let constraints = propPattern.constraints, let type = property.smfType else { continue }
            for problem in ConstraintCheck.problems(of: property.values, type: type, constraints) {
                report(problem.kind, "\(at)\(problem.detail)", problem.value?.location ?? property.location)
            }
        }
        let names = Set(group.properties.map(\.name))
        for propPattern in applied.pattern.propPatterns where propPattern.required == "true" {
            if !names.contains(propPattern.name) {
                report(.requiredProperty, "; Name of missing property=\"\(propPattern.name)\"", group.location)
            }
        }
        return findings
    }
}

/// The patterns that apply to an instance, hashed for `tmpl_find_pg_pattern`:
/// the most specific kind of pattern wins — naming the group (with a type,
/// then without), then naming its type only, then a wildcard — and among
/// patterns of one kind, the most specific level (instance, service,
/// restarter, global).
struct PatternIndex {
    let required: [AppliedPattern]
    private var namedTyped: [String: AppliedPattern] = [:]
    private var named: [String: AppliedPattern] = [:]
    private var typed: [String: AppliedPattern] = [:]
    private var wildcard: AppliedPattern?

    init(_ patterns: [AppliedPattern]) {
        required = patterns.filter { $0.isRequired && !$0.name.isEmpty }
        for pattern in patterns.sorted(by: { $0.level < $1.level }) {
            switch (pattern.name.isEmpty, pattern.type.isEmpty) {
            case (false, false): if namedTyped[pattern.name] == nil { namedTyped[pattern.name] = pattern }
            case (false, true): if named[pattern.name] == nil { named[pattern.name] = pattern }
            case (true, false): if typed[pattern.type] == nil { typed[pattern.type] = pattern }
            case (true, true): if wildcard == nil { wildcard = pattern }
            }
        }
    }

    func match(for group: PropertyGroupView) -> AppliedPattern? {
        namedTyped[group.name] ?? named[group.name] ?? group.type.flatMap { typed[$0] } ?? wildcard
    }
}
