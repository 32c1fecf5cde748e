import Diagnostics

/// The property groups svccfg stores a template's pg_ and prop_patterns in,
/// as template validation sees them.
///
/// `lxml_get_tm_prop_pattern` makes each prop_pattern a group of type
/// `template_prop_pattern` named `tm_proppat_<suffix>_<name>`, holding its
/// attributes and elements as properties (`name`, `pg_pattern`, `type`,
/// `required`, `visibility`, `constraint_name`, `constraint_range`,
/// `choices_name`, `choices_range`, `choices_include_values`). Only groups of
/// type `template` are skipped by `tmpl_validate_entity_pgs`, so these are
/// checked like any other group, against global.xml's `pg_pattern
/// type='template_prop_pattern' target='all'`. What a loadable manifest can
/// break there is the 1..1 cardinality of `choices_include_values`:
/// `lxml_get_tm_include_values` appends one value per `<include_values>`
/// element to the same property (`internal_property_find` then
/// `astring_prop_value`), so `<choices>` with two of them (constraints and
/// values, or one kind twice) stores two values — "Number of property
/// values violates cardinality restriction", a template error.
enum StoredPatternGroups {
    /// The stored groups of the templates an instance sees, the instance's
    /// first (a group of the same name at the service level is hidden).
    static func groups(for composed: ComposedInstance) -> [PropertyGroupView] {
        var seen: Set<String> = []
        var groups: [PropertyGroupView] = []
        let declared = (composed.instance.entity.template?.pgPatterns ?? [])
            + (composed.service.entity.template?.pgPatterns ?? [])
        for pattern in declared {
            if seen.insert(pattern.storageName).inserted { groups.append(group(for: pattern)) }
            for prop in pattern.propPatterns where !prop.name.isEmpty {
                let name = "tm_proppat_\(pattern.storageSuffix)_\(prop.name)"
                guard seen.insert(name).inserted else { continue }
                groups.append(group(name, for: prop, in: pattern))
            }
        }
        return groups
    }

    /// `lxml_get_pg_pattern_attributes`: a group of type
    /// `template_pg_pattern` with the attributes written or defaulted.
    private static func group(for pattern: PGPattern) -> PropertyGroupView {
        let properties: [ComposedProperty] = [
            pattern.name.map { ComposedProperty("name", .astring, [$0], location: pattern.location) },
            pattern.type.map { ComposedProperty("type", .astring, [$0], location: pattern.location) },
            pattern.target.map { ComposedProperty("target", .astring, [$0], location: pattern.location) },
            pattern.required.map { ComposedProperty("required", .boolean, [$0], location: pattern.location) },
        ].compactMap { $0 }
        return PropertyGroupView(name: pattern.storageName, type: "template_pg_pattern", properties: properties,
                                 location: pattern.location)
    }

    private static func group(_ name: String, for prop: PropPattern, in pattern: PGPattern) -> PropertyGroupView {
        var properties: [ComposedProperty] = []
        func add(_ property: String, _ type: SMFType, _ values: [String], _ location: SourceLocation?) {
            // svccfg creates a property only for an attribute or element present.
            guard !values.isEmpty else { return }
            properties.append(ComposedProperty(property, type, values, location: location ?? prop.location))
        }
        add("name", .astring, [prop.name], prop.location)
        add("pg_pattern", .astring, [pattern.storageName], pattern.location)
        add("type", .astring, [prop.type ?? ""], prop.location)
        add("required", .boolean, prop.required.map { [$0] } ?? [], prop.location)
        add("visibility", .astring, prop.visibility.map { [$0] } ?? [], prop.location)
        add("constraint_name", .astring, prop.constraints?.values.map(\.name) ?? [], prop.constraints?.location)
        add("constraint_range", .astring, prop.constraints?.ranges.map { "\($0.min ?? ""),\($0.max ?? "")" } ?? [],
            prop.constraints?.location)
        add("choices_name", .astring, prop.choices?.values.map(\.name) ?? [], prop.choices?.location)
        add("choices_range", .astring, prop.choices?.ranges.map { "\($0.min ?? ""),\($0.max ?? "")" } ?? [],
            prop.choices?.location)
        add("choices_include_values", .astring, prop.choices?.includeValues ?? [], prop.choices?.location)
        return PropertyGroupView(name: "\(name)", type: "template_prop_pattern", properties: properties,
                                 location: prop.location)
    }
}
