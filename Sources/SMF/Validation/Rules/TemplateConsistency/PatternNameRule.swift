import Diagnostics

/// `lxml_get_tm_pg_pattern`, `lxml_get_tm_prop_pattern`: pattern names
/// satisfy `UU_NAME_DOMAIN` (`pg_pattern name attribute, "%s", for %s is
/// invalid`; `prop_pattern name, "%s", for %s is not valid.`), and a
/// prop_pattern has one (`prop_pattern name is missing for %s`), and the
/// property groups storing them fit the 119-byte name limit.
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
            if let name = pattern.name, !name.isEmpty,
               !SMFName.isValid(name, as: .domain) || !SMFName.fitsLength(pattern.storageName) {
                found.append(diagnostic("pg_pattern name attribute, \"\(name)\", for \(declared.entity.fmri) is "
                    + "invalid", at: pattern.location, in: document))
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
