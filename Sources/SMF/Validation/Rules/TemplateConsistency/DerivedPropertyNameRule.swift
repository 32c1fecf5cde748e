import Diagnostics

/// Attributes svccfg turns into property names must leave those names within
/// the 119 bytes of `max_scf_name_len` (`svccfg_xml.c`):
/// - `lxml_get_loctext` names each `loctext`'s property with
///   `snprintf(prop_name, max_scf_name_len + 1, pn_format, lang)`, where
///   `lang` is `xml:lang` (`"unknown"` when empty) after
///   `_scf_sanitize_locale` (byte for byte), and `uu_die`s on a result of
///   120 or more (`xml:lang attribute is %d characters too long for %s in
///   %s`). `pn_format` is `%s` for the template's own common_name and
///   description (119-byte languages fit), `common_name_%s` /
///   `description_%s` in pg_ and prop_patterns (107), `units_%s` (113);
/// - `lxml_get_tm_value_element` base32-encodes a `<value>`'s name
///   (`scf_encode32` with `SCF_ENCODE32_PAD`: 8 bytes for every 5, padded),
///   builds the formats `value_<encoded>_common_name_%s` and
///   `value_<encoded>_description_%s` and `uu_die`s when one, `%s` included,
///   reaches 120 bytes (`Name attribute is %u characters too long for %s in
///   service %s`): names of up to 60 bytes fit; the value's loctexts then
///   add their language to `value_<encoded>_common_name_`.
public struct DerivedPropertyNameRule: SemanticRule {
    public static let id = "smf.template.derived-name"
    public static let summary = "loctext xml:lang and template value names fit the 119-byte property names svccfg "
        + "derives from them"
    /// Per svccfg command (`.loading`): `lxml_get_loctext`, `lxml_get_tm_value_element`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        var found: [Diagnostic] = []
        for entity in document.entities {
            guard let template = entity.entity.template else { continue }
            func texts(_ list: [LocalizedText]?, _ format: String, _ source: String) {
                for text in list ?? [] {
                    let lang = text.lang.isEmpty ? "unknown" : text.lang
                    let over = format.utf8.count + lang.utf8.count - SMFName.maxLength
                    guard over > 0 else { continue }
                    found.append(diagnostic("xml:lang attribute is \(over) characters too long for \(source) in "
                        + "\(entity.name) (property \(format)\(lang))", at: text.location, in: document))
                }
            }
            texts(template.commonName, "", "common_name")
            texts(template.description, "", "description")
            for pattern in template.pgPatterns {
                texts(pattern.commonName, "common_name_", "common_name")
                texts(pattern.description, "description_", "description")
                for prop in pattern.propPatterns {
                    texts(prop.commonName, "common_name_", "common_name")
                    texts(prop.description, "description_", "description")
                    texts(prop.units, "units_", "units")
                    for value in (prop.values ?? []) + (prop.constraints?.values ?? []) + (prop.choices?.values ?? []) {
                        let prefix = "value_" + String(repeating: "x", count: Self.encodedLength(of: value.name))
                        // The longer of the two formats, `%s` included.
                        let over = (prefix + "_description_%s").utf8.count - SMFName.maxLength
                        if over > 0 {
                            found.append(diagnostic("Name attribute is \(over) characters too long for value "
                                + "\"\(value.name)\" in service \(entity.name)", at: value.location ?? prop.location,
                                in: document))
                            continue
                        }
                        texts(value.commonName, prefix + "_common_name_", "common_name")
                        texts(value.description, prefix + "_description_", "description")
                    }
                }
            }
        }
        return found
    }

    /// The length of `scf_encode32`'s padded output for `name`.
    static func encodedLength(of name: String) -> Int {
        (name.utf8.count + 4) / 5 * 8
    }
}
