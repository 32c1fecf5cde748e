import Diagnostics

/// `internal_attach_pgroup`: property groups merge by name, but not across
/// types (`Multiple definitions of property group %s in entity %s.`). This
/// covers the groups svccfg makes itself: a method or dependency named like
/// an explicit group, `general`, `method_context`, `dependents`.
public struct PropertyGroupTypeConflictRule: SemanticRule {
    public static let id = "smf.duplicate.property-group"
    public static let summary = "a property group name is not reused with another type (incl. method/dependency groups)"
    /// Per svccfg command (custom): never caught while loading: `internal_pgroup_create_common` looks a group up by
    /// name *and* type, and attaches the new one (`internal_attach_pgroup`) while its name is still
    /// `internal_pgroup_new`'s `"<unset>"`, so `pgroup_cmp` never matches. Import fails when `scf_*_add_pg` finds the
    /// name taken (`SCF_ERROR_EXISTS` without `SCI_FORCE`: `EEXIST`); apply passes `SCI_FORCE | SCI_KEEP` and adds the
    /// properties to the existing group.
    public static let verdicts = RuleVerdicts(validate: .notChecked, import: .error, importStrict: .error, apply: .notChecked)
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
