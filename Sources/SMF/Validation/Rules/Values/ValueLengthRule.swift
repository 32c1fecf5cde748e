import Diagnostics

/// A value svccfg silently cuts: `scf_value_set_from_string` (`lowlevel.c`)
/// copies a string value into `value_value[REP_PROTOCOL_VALUE_LEN]` with
/// `strlcpy` and validates the copy, so an astring, uri or fmri value longer
/// than 4095 bytes loads, imports and is stored as its first 4095 bytes.
/// A lint: svccfg refuses nothing. The other string types are bounded by
/// their own syntax (`smf.value.syntax`): a ustring, host or hostname must
/// pass `valid_utf8`, whose `(str - str_arg) < REP_PROTOCOL_VALUE_LEN`
/// counts the terminating NUL (so at most 4094 bytes, and the 4095-byte copy
/// of anything longer fails); an opaque value is checked before the copy
/// (`valid_opaque`: at most 8190 hex digits).
public struct ValueLengthRule: SemanticRule {
    public static let id = "smf.value.length"
    public static let summary = "astring, uri and fmri values over 4095 bytes, which svccfg silently truncates"
    public static let severity = Diagnostic.Severity.warning
    /// Per svccfg command (`.lint`): svccfg never refuses it: `scf_value_set_from_string` `strlcpy`s the value into
    /// `value_value[REP_PROTOCOL_VALUE_LEN]` before validating it, both when loading and in `lscf_property_import`.
    public static let verdicts = RuleVerdicts.lint
    public init() {}

    /// The types whose values are validated only as their cut copy.
    static let truncatedTypes: Set<SMFType> = [.astring, .uri, .fmri]

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.writtenProperties.flatMap { written -> [Diagnostic] in
            guard let type = written.property.smfType, Self.truncatedTypes.contains(type) else { return [] }
            return written.property.values.compactMap { value in
                value.text.utf8.count <= SMFType.maxValueLength ? nil
                    : diagnostic("\(type.rawValue) value of property '\(written.group)/\(written.property.name)' is "
                        + "\(value.text.utf8.count) bytes long; svccfg stores only its first "
                        + "\(SMFType.maxValueLength) bytes", at: value.location ?? written.property.location,
                        in: document)
            }
        }
    }
}
