import Diagnostics

/// `lxml_get_tm_pg_pattern`, `lxml_get_tm_prop_pattern`: pattern names
/// satisfy `UU_NAME_DOMAIN` (`pg_pattern name attribute, "%s", for %s is
/// invalid`; `prop_pattern name, "%s", for %s is not valid.`), and a
/// prop_pattern has one (`prop_pattern name is missing for %s`), and the
/// property groups storing them fit the 119-byte name limit: each name is
/// built with `snprintf(pg_name, max_scf_name_len + 1, …)` and `uu_die`s when
/// the result is `>= max_scf_name_len + 1` — `tm_pgpatnt_<name>` (both
/// attributes; 108-byte names fit), `tm_pgpatn_<name>` (109), `tm_pgpatt_<type>`
/// for a pattern with a type only (`pg_pattern type is for %s is %d bytes too
/// long`; 109-byte types fit), and `tm_proppat_<suffix>_<name>` for each
/// prop_pattern (`… is %d characters too long`).
public struct PatternNameRule: SemanticRule {
    public static let id = "smf.template.pattern-name"
    public static let summary = "pg_pattern and prop_pattern names satisfy UU_NAME_DOMAIN; prop_pattern has a name"
    /// Per svccfg command (`.loading`): `lxml_get_tm_pg_pattern`, `lxml_get_tm_prop_pattern`: `semerr` with `-1`
    /// returned through `lxml_get_template`, or `uu_die` for the lengths.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.declaredPGPatterns.flatMap { declared -> [Diagnostic] in
            var found: [Diagnostic] = []
            let pattern = declared.pattern
            let storedLength = pattern.storageName.utf8.count - SMFName.maxLength
            if let name = pattern.name, !name.isEmpty {
                if !SMFName.isValid(name, as: .domain) {
                    found.append(diagnostic("pg_pattern name attribute, \"\(name)\", for \(declared.entity.fmri) is "
                        + "invalid", at: pattern.location, in: document))
                } else if storedLength > 0 {
                    found.append(diagnostic("pg_pattern property group name for \(declared.entity.fmri) is "
                        + "\(storedLength) bytes too long (\(pattern.storageName))", at: pattern.location,
                        in: document))
                }
            } else if let type = pattern.type, !type.isEmpty, storedLength > 0 {
                found.append(diagnostic("pg_pattern type is for \(declared.entity.fmri) is \(storedLength) bytes too "
                    + "long (\(pattern.storageName))", at: pattern.location, in: document))
            }
            for prop in pattern.propPatterns {
                if prop.name.isEmpty {
                    found.append(diagnostic("prop_pattern name is missing for \(declared.entity.fmri)",
                                            at: prop.location, in: document))
                } else if !SMFName.isValid(prop.name, as: .domain) {
                    found.append(diagnostic("prop_pattern name, \"\(prop.name)\", for \(declared.entity.fmri) is "
                        + "not valid.", at: prop.location, in: document))
                } else {
                    let stored = "tm_proppat_\(pattern.storageSuffix)_\(prop.name)"
                    if !SMFName.fitsLength(stored) {
                        found.append(diagnostic("prop_pattern name, \"\(prop.name)\", for \(declared.entity.fmri) is "
                            + "\(stored.utf8.count - SMFName.maxLength) characters too long", at: prop.location,
                            in: document))
                    }
                }
            }
            return found
        }
    }
}
