import Diagnostics

/// Applies templates to an instance's composed view, as
/// `svccfg_tmpl.c: tmpl_validate_bundle` does per instance (smf.md §4.3).
enum TemplateValidator {
    /// Groups whose type marks them as template data are not validated as
    /// ordinary groups.
    private static let templateGroupTypes: Set<String> = ["template", "template_pg_pattern", "template_prop_pattern"]

    static func findings(for composed: ComposedInstance) -> [TemplateFinding] {
        let patterns = composed.appliedPatterns
        var findings: [TemplateFinding] = []
        for group in composed.groups where !templateGroupTypes.contains(group.type ?? "") {
            guard let match = matchingPattern(for: group, in: patterns) else { continue }
            findings += check(group, against: match, fmri: composed.fmri)
        }
        for applied in patterns where applied.isRequired && !applied.name.isEmpty {
            if composed.groups[group: applied.name] == nil {
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

    /// The pg_pattern a group is checked against (`tmpl_find_pg_pattern`): a
    /// pattern naming the group (with a type, then without), then one naming
    /// its type only, then a wildcard; at each step the most authoritative
    /// level wins.
    static func matchingPattern(for group: PropertyGroupView, in patterns: [AppliedPattern]) -> AppliedPattern? {
        let steps: [(AppliedPattern) -> Bool] = [
            { $0.name == group.name && !$0.type.isEmpty },
            { $0.name == group.name && $0.type.isEmpty },
            { $0.name.isEmpty && !$0.type.isEmpty && $0.type == group.type },
            { $0.name.isEmpty && $0.type.isEmpty },
        ]
        for step in steps {
            if let match = patterns.first(where: step) { return match }
        }
        return nil
    }

    private static func check(_ group: PropertyGroupView, against applied: AppliedPattern, fmri: String)
        -> [TemplateFinding]
    {
        var findings: [TemplateFinding] = []
        let prefix = "FMRI=\"\(fmri)\"; Property group=\"\(group.name)\""
        func report(_ kind: TemplateFinding.Kind, _ detail: String, _ location: SourceLocation?) {
            findings.append(TemplateFinding(kind: kind, level: applied.level,
                                            message: "\(kind.rawValue): \(prefix)\(detail)", location: location))
        }
        if !applied.type.isEmpty, let type = group.type, type != applied.type {
            report(.propertyGroupType, "; Type=\"\(type)\"; Template type=\"\(applied.type)\"", group.location)
        }
        for property in group.properties {
            guard let propPattern = applied.pattern.propPatterns.first(where: { $0.name == property.name }) else {
                continue
            }
            let where_ = "; Property=\"\(property.name)\""
            if let wanted = propPattern.type.flatMap(SMFType.init(rawValue:)), let actual = property.smfType,
               !wanted.accepts(actual) {
                report(.propertyType, "\(where_); Type=\"\(actual.rawValue)\"; Template type=\"\(wanted.rawValue)\"",
                       property.location)
                continue
            }
            if let (min, max) = TemplateNumbers.cardinality(of: propPattern),
               !(min == 0 && max == UInt64.max), !(min...max).contains(UInt64(property.values.count)) {
                report(.cardinality, "\(where_); Number of values=\(property.values.count); Minimum=\(min); "
                    + "Maximum=\(max)", property.location)
            }
            if let constraints = propPattern.constraints, !(constraints.values.isEmpty && constraints.ranges.isEmpty),
               let type = property.smfType ?? propPattern.type.flatMap(SMFType.init(rawValue:)) {
                for value in property.values where !ConstraintCheck.allows(value.text, of: type, constraints) {
                    report(.constraint, "\(where_); Value=\"\(value.text)\"", value.location ?? property.location)
                }
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
