import Diagnostics

/// Applies templates to an instance's composed view, as
/// `svccfg_tmpl.c: tmpl_validate_instance` does for every instance of a
/// manifest (smf.md §4.3): each group against its pg_pattern, then the
/// required groups.
enum TemplateValidator {
    static func findings(for composed: ComposedInstance) -> [TemplateFinding] {
        let patterns = composed.appliedPatterns
        var findings: [TemplateFinding] = []
        // Only groups of type `template` are skipped (`tmpl_validate_entity_pgs`).
        for group in composed.groups where group.type != "template" {
            guard let match = matchingPattern(for: group, in: patterns) else { continue }
            findings += check(group, against: match, fmri: composed.fmri)
        }
        // `tmpl_required_pg_present`: the composed view is keyed by name and type.
        for applied in patterns where applied.isRequired && !applied.name.isEmpty {
            let present = composed.groups.contains {
                $0.name == applied.name && (applied.type.isEmpty || $0.type == applied.type)
            }
            if !present {
                findings.append(TemplateFinding(
                    kind: .requiredPropertyGroup, level: applied.level,
                    message: "\(TemplateFinding.Kind.requiredPropertyGroup.rawValue): FMRI=\"\(composed.fmri)\"; "
                        + "Name of missing property group=\"\(applied.name)\"; Type of missing property group="
                        + "\"\(applied.type)\"",
                    location: composed.instance.location ?? composed.service.location))
            }
        }
        return findings
    }

    /// The pg_pattern a group is checked against (`tmpl_find_pg_pattern`):
    /// the most specific kind of pattern wins — naming the group (with a
    /// type, then without), then naming its type only, then a wildcard — and
    /// among patterns of one kind, the most specific level (instance, service,
    /// restarter, global).
    static func matchingPattern(for group: PropertyGroupView, in patterns: [AppliedPattern]) -> AppliedPattern? {
        let kinds: [(AppliedPattern) -> Bool] = [
            { $0.name == group.name && !$0.type.isEmpty },
            { $0.name == group.name && $0.type.isEmpty },
            { $0.name.isEmpty && !$0.type.isEmpty && $0.type == group.type },
            { $0.name.isEmpty && $0.type.isEmpty },
        ]
        let byLevel = patterns.sorted { $0.level < $1.level }
        for kind in kinds {
            if let match = byLevel.first(where: kind) { return match }
        }
        return nil
    }

    /// `tmpl_validate_pg` and `tmpl_validate_prop`.
    private static func check(_ group: PropertyGroupView, against applied: AppliedPattern, fmri: String)
        -> [TemplateFinding]
    {
        var findings: [TemplateFinding] = []
        let prefix = "FMRI=\"\(fmri)\"; Property group=\"\(group.name)\""
        func report(_ kind: TemplateFinding.Kind, _ detail: String, _ location: SourceLocation?) {
            findings.append(TemplateFinding(kind: kind, level: applied.level,
                                            message: "\(kind.rawValue): \(prefix)\(detail)", location: location))
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
            guard let propPattern = applied.pattern.propPatterns.first(where: { $0.name == property.name }) else {
                continue
            }
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
        for propPattern in applied.pattern.propPatterns where propPattern.required == "true" {
            if group[property: propPattern.name] == nil {
                report(.requiredProperty, "; Name of missing property=\"\(propPattern.name)\"", group.location)
            }
        }
        return findings
    }
}
