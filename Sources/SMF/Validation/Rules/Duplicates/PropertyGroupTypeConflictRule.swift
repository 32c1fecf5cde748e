import Diagnostics

/// `internal_attach_pgroup`: property groups merge by name, but not across
/// types (`Multiple definitions of property group %s in entity %s.`). This
/// covers the groups svccfg makes itself: a method or dependency named like
/// an explicit group, `general`, `method_context`, `dependents`.
public struct PropertyGroupTypeConflictRule: SemanticRule {
    public static let id = "smf.duplicate.property-group"
    public static let summary = "a property group name is not reused with another type (incl. method/dependency groups)"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.propertyGroups.conflicts.compactMap { conflict in
                guard case .groupType(let group, let first, let second, let location) = conflict else { return nil }
                return diagnostic("Multiple definitions of property group \(group) in entity \(entity.fmri) "
                    + "(type \"\(first)\" and type \"\(second)\").", at: location, in: document)
            }
        }
    }
}
