import Diagnostics

/// `lxml_xlate_boolean`: a manifest boolean is exactly `true` or `false`
/// (`illegal boolean value "%s"`), in a `propval` or a `boolean_list`.
public struct BooleanValueRule: SemanticRule {
    public static let id = "smf.value.boolean"
    public static let summary = "boolean values are exactly 'true' or 'false'"
    /// Per svccfg command (`.loading`): `lxml_xlate_boolean`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.writtenProperties.flatMap { written -> [Diagnostic] in
            guard written.property.smfType == .boolean else { return [] }
            return written.property.values.compactMap { value in
                value.text == "true" || value.text == "false" ? nil
                    : diagnostic("illegal boolean value \"\(value.text)\" for property "
                        + "'\(written.group)/\(written.property.name)' — a boolean is 'true' or 'false'"
                        + (value.text.lowercased() == "true" || value.text.lowercased() == "false"
                            ? "; did you mean '\(value.text.lowercased())'?" : ""),
                        at: value.location ?? written.property.location, in: document)
            }
        }
    }
}
