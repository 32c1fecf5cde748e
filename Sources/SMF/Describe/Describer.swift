/// Builds `InstanceDescription`s from a catalog: for each instance, its
/// composed property groups (instance over service, as svc.startd reads
/// them), each group and property documented by the pattern that a template
/// of the instance or its service declares for it (`pg_pattern` matched by
/// name and type, a nameless pattern by type; `prop_pattern` by name).
public enum Describer {
    /// Every instance, or only `instance` (an FMRI, with or without `svc:/`).
    public static func describe(_ catalog: ServiceCatalog, instance wanted: String? = nil) -> [InstanceDescription] {
        var result: [InstanceDescription] = []
        for service in catalog.services {
            for instance in service.effectiveInstances {
                let fmri = "svc:/\(service.name):\(instance.name)"
                if let wanted, fmri != wanted, "svc:/" + wanted != fmri { continue }
                let patterns = (instance.entity.template?.pgPatterns ?? []) + (service.entity.template?.pgPatterns ?? [])
                let groups = composedProperties(of: instance, in: service).map { group in
                    describe(group, patterns: patterns)
                }
                result.append(InstanceDescription(fmri: fmri, groups: groups))
            }
        }
        return result
    }

    static func describe(_ group: PropertyGroupView, patterns: [PGPattern]) -> GroupDescription {
        let pattern = patterns.first { $0.name == group.name && ($0.type == nil || $0.type == group.type) }
            ?? patterns.first { $0.name == nil && $0.type != nil && $0.type == group.type }
        let properties = group.properties.map { property -> PropertyDescription in
            let propPattern = pattern?.propPatterns.first { $0.name == property.name }
            return PropertyDescription(
                name: property.name, type: property.type, values: property.textValues,
                commonName: propPattern?.commonName.flatMap(text(of:)),
                description: propPattern?.description.flatMap(text(of:)),
                units: propPattern?.units.flatMap(text(of:)),
                required: propPattern?.required.map { $0 == "true" },
                visibility: propPattern?.visibility,
                cardinality: propPattern?.cardinality.map { "\($0.min ?? "0")..\($0.max ?? "unbounded")" },
                constraints: propPattern.map(constraints(of:)) ?? [])
        }
        return GroupDescription(
            name: group.name, type: group.type, commonName: pattern?.commonName.flatMap(text(of:)),
            description: pattern?.description.flatMap(text(of:)), required: pattern?.required.map { $0 == "true" },
            properties: properties)
    }

    /// The `C` locale's text, as svccfg describe shows without a locale set,
    /// else the first; on one line, without the indentation of the XML.
    static func text(of localized: [LocalizedText]) -> String? {
        (localized.first { $0.lang == "C" } ?? localized.first).map { entry in
            entry.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    static func constraints(of pattern: PropPattern) -> [String] {
        guard let set = pattern.constraints else { return [] }
        var lines: [String] = []
        if !set.values.isEmpty { lines.append("values: " + set.values.map(\.name).joined(separator: ", ")) }
        for range in set.ranges { lines.append("range: \(range.min ?? "")-\(range.max ?? "")") }
        return lines
    }
}
