import Diagnostics

/// Property groups merge by name and type; one name with two types makes two
/// groups of one name, which the repository cannot hold. This covers the
/// groups svccfg makes itself: a method or dependency named like an explicit
/// group, `general`, `method_context`, `dependents`. svccfg's own message
/// for it (`internal_attach_pgroup`: `Multiple definitions of property group
/// %s in entity %s.`) is dead code, so smfkit words its own.
public struct PropertyGroupTypeConflictRule: SemanticRule {
    public static let id = "smf.duplicate.property-group"
    public static let summary = "a property group name is not reused with another type (incl. method/dependency groups)"
    /// Per svccfg command (custom): never caught while loading: `internal_pgroup_create_common` looks a group up by
    /// name *and* type, and attaches the new one (`internal_attach_pgroup`) while its name is still
    /// `internal_pgroup_new`'s `"<unset>"`, so `pgroup_cmp` never matches. Import fails when `scf_*_add_pg` finds
    /// the name taken (`SCF_ERROR_EXISTS` without `SCI_FORCE`: `EEXIST`); apply passes `SCI_FORCE | SCI_KEEP` and
    /// adds the properties to the existing group.
    public static let verdicts = RuleVerdicts(validate: .notChecked, import: .error, importStrict: .error,
                                              apply: .notChecked)
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.propertyGroups.conflicts.compactMap { conflict in
                guard case .groupType(let group, let first, let second, let location) = conflict else { return nil }
                return diagnostic("property group \(group) of \(entity.fmri) is defined with type \"\(first)\" and "
                    + "type \"\(second)\"; svc.configd refuses the second at import (property group exists)",
                    at: location, in: document)
            }
        }
    }
}
