import Diagnostics

/// `svccfg_tmpl.c: tmpl_pattern_conflict` (per instance, over the instance's
/// then the service's templates): a pg_pattern name used with two types
/// (`Conflicting pg_pattern specifications`), or a prop_pattern name used
/// with two types in the same pg_pattern (`Conflicting prop_pattern
/// specifications`). An empty name or type is a wildcard and never
/// conflicts. Within one entity the load-time uniqueness rules already
/// refuse such pairs, so only instance-against-service pairs are left.
public struct PatternConflictRule: SemanticRule {
    public static let id = "smf.template.conflict"
    public static let summary = "an instance's and its service's templates give no pg_pattern or prop_pattern two types"
    /// Per svccfg command (`.template`): `svccfg_tmpl.c`: conflicting specifications are `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        var found: [Diagnostic] = []
        for service in document.services where !service.instances.isEmpty {
            let index = ServicePatterns(service.entity.template?.pgPatterns ?? [])
            for instance in service.instances {
                let fmri = "\(service.fmri):\(instance.name)"
                for pattern in instance.entity.template?.pgPatterns ?? [] {
                    found += conflicts(of: pattern, with: index, fmri: fmri, document: document)
                }
            }
        }
        return found
    }

    private func conflicts(of pattern: PGPattern, with index: ServicePatterns, fmri: String,
                           document: SemanticDocument) -> [Diagnostic] {
        if let name = nonEmpty(pattern.name), let type = nonEmpty(pattern.type),
           let other = index.types(ofPattern: name).first(where: { $0 != type }) {
            return [diagnostic("Conflicting pg_pattern specifications: FMRI=\"\(fmri)\"; pg_pattern \"\(name)\" has "
                + "type \"\(type)\" in the instance and type \"\(other)\" in the service", at: pattern.location,
                in: document)]
        }
        return pattern.propPatterns.compactMap { prop in
            guard let type = nonEmpty(prop.type),
                  let other = index.types(ofProp: prop.name, in: pattern.storageName).first(where: { $0 != type })
            else { return nil }
            return diagnostic("Conflicting prop_pattern specifications: FMRI=\"\(fmri)\"; prop_pattern "
                + "\"\(prop.name)\" has type \"\(type)\" in the instance and type \"\(other)\" in the service",
                at: prop.location, in: document)
        }
    }

    /// A service's pattern types, hashed by pattern name and by
    /// (prop_pattern name, enclosing pg_pattern).
    private struct ServicePatterns {
        private var patternTypes: [String: [String]] = [:]
        private var propTypes: [String: [String]] = [:]

        init(_ patterns: [PGPattern]) {
            for pattern in patterns {
                if let name = pattern.name, !name.isEmpty, let type = pattern.type, !type.isEmpty {
                    patternTypes[name, default: []].append(type)
                }
                for prop in pattern.propPatterns {
                    if let type = prop.type, !type.isEmpty {
                        propTypes["\(pattern.storageName)\u{0}\(prop.name)", default: []].append(type)
                    }
                }
            }
        }

        func types(ofPattern name: String) -> [String] { patternTypes[name] ?? [] }
        func types(ofProp name: String, in owner: String) -> [String] { propTypes["\(owner)\u{0}\(name)"] ?? [] }
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
