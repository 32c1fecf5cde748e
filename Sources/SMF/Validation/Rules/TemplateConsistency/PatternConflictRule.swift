import Diagnostics

/// `scf_tmpl.c`: an instance's and its service's templates do not disagree:
/// a pg_pattern of one name with two types (`Conflicting pg_pattern
/// specifications`), or within one pg_pattern a prop_pattern of one name
/// with two types (`Conflicting prop_pattern specifications`). Empty names
/// and types are wildcards and never conflict.
public struct PatternConflictRule: SemanticRule {
    public static let id = "smf.template.conflict"
    public static let summary = "instance and service templates do not give one pg_pattern/prop_pattern two types"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for service in document.services {
            let servicePatterns = service.entity.template?.pgPatterns ?? []
            for instance in service.instances {
                for pattern in instance.entity.template?.pgPatterns ?? [] {
                    let fmri = "\(service.fmri):\(instance.name)"
                    for other in servicePatterns where nonEmpty(other.name) == nonEmpty(pattern.name)
                        && nonEmpty(pattern.name) != nil {
                        if let type = nonEmpty(pattern.type), let otherType = nonEmpty(other.type), type != otherType {
                            found.append(diagnostic("Conflicting pg_pattern specifications: \(fmri) declares "
                                + "pg_pattern \"\(pattern.name ?? "")\" with type \"\(type)\", its service with "
                                + "type \"\(otherType)\"", at: pattern.location, in: document))
                            continue
                        }
                        found += propConflicts(pattern, other, fmri: fmri, document: document)
                    }
                }
            }
        }
        return found
    }

    private func propConflicts(_ pattern: PGPattern, _ other: PGPattern, fmri: String,
                               document: SemanticDocument) -> [Diagnostic] {
        pattern.propPatterns.compactMap { prop in
            guard let type = nonEmpty(prop.type),
                  let otherType = other.propPatterns.first(where: { $0.name == prop.name }).flatMap({ nonEmpty($0.type) }),
                  type != otherType else { return nil }
            return diagnostic("Conflicting prop_pattern specifications: \(fmri) declares prop_pattern "
                + "\"\(prop.name)\" with type \"\(type)\", its service with type \"\(otherType)\"",
                at: prop.location, in: document)
        }
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
