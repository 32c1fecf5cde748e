import Diagnostics

/// `svccfg_tmpl.c: tmpl_pattern_conflict` (per instance, over the instance's
/// then the service's templates): a pg_pattern name used with two types
/// (`Conflicting pg_pattern specifications`), or a prop_pattern name used
/// with two types in the same pg_pattern (`Conflicting prop_pattern
/// specifications`). An empty name or type is a wildcard and never conflicts.
public struct PatternConflictRule: SemanticRule {
    public static let id = "smf.template.conflict"
    public static let summary = "an instance's and its service's templates give no pg_pattern or prop_pattern two types"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        for service in document.services {
            for instance in service.effectiveInstances {
                let fmri = "\(service.fmri):\(instance.name)"
                let patterns = (instance.entity.template?.pgPatterns ?? []) + (service.entity.template?.pgPatterns ?? [])
                for diagnostic in pgConflicts(patterns, fmri, document) + propConflicts(patterns, fmri, document)
                where reported.insert(diagnostic.description).inserted {
                    found.append(diagnostic)
                }
            }
        }
        return found
    }

    private func pgConflicts(_ patterns: [PGPattern], _ fmri: String, _ document: SemanticDocument) -> [Diagnostic] {
        var first: [String: PGPattern] = [:]
        var found: [Diagnostic] = []
        for pattern in patterns {
            guard let name = nonEmpty(pattern.name) else { continue }
            guard let earlier = first[name] else {
                first[name] = pattern
                continue
            }
            guard let type = nonEmpty(pattern.type), let earlierType = nonEmpty(earlier.type), type != earlierType
            else { continue }
            found.append(diagnostic("Conflicting pg_pattern specifications: FMRI=\"\(fmri)\"; pg_pattern \"\(name)\" "
                + "has type \"\(type)\" here and type \"\(earlierType)\" in another template", at: pattern.location,
                in: document))
        }
        return found
    }

    private func propConflicts(_ patterns: [PGPattern], _ fmri: String, _ document: SemanticDocument) -> [Diagnostic] {
        var first: [String: (owner: String, type: String?)] = [:]
        var found: [Diagnostic] = []
        for pattern in patterns {
            for prop in pattern.propPatterns where !prop.name.isEmpty {
                guard let earlier = first[prop.name] else {
                    first[prop.name] = (pattern.storageName, prop.type)
                    continue
                }
                guard let type = nonEmpty(prop.type), let earlierType = nonEmpty(earlier.type), type != earlierType,
                      earlier.owner == pattern.storageName else { continue }
                found.append(diagnostic("Conflicting prop_pattern specifications: FMRI=\"\(fmri)\"; prop_pattern "
                    + "\"\(prop.name)\" has type \"\(type)\" here and type \"\(earlierType)\" in another template",
                    at: prop.location, in: document))
            }
        }
        return found
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
