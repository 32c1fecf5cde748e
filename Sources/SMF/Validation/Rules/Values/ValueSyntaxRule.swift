import Diagnostics

/// `lxml_store_value` → `scf_value_set_from_string`: every non-boolean value
/// has its type's syntax (smf.md §2), in a `propval` or a `*_list`
/// (`illegal value "%s" for %s (%s)`).
public struct ValueSyntaxRule: SemanticRule {
    public static let id = "smf.value.syntax"
    public static let summary = "count, integer, time, opaque, uri, fmri, net_address… values have their type's syntax"
    /// Per svccfg command (`.loading`): `lxml_store_value`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.writtenProperties.flatMap { written -> [Diagnostic] in
            guard let type = written.property.smfType, type != .boolean else { return [] }
            return written.property.values.compactMap { value in
                guard let reason = type.invalidityReason(of: value.text) else { return nil }
                return diagnostic("illegal value \"\(value.text)\" for \(type.rawValue) (\(reason)) in property "
                    + "'\(written.group)/\(written.property.name)'",
                    at: value.location ?? written.property.location, in: document)
            }
        }
    }
}
