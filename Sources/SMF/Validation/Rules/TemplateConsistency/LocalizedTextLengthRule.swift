import Diagnostics

/// A `loctext` becomes a ustring property (`lxml_get_loctext`: its text,
/// stripped of leading and trailing `isspace`), stored unchecked while
/// loading. svc.configd's copy is checked at import: `lscf_property_import`
/// → `scf_value_set_from_string(…, SCF_TYPE_USTRING, …)` validates the
/// 4095-byte `strlcpy` copy with `valid_utf8`, which counts the NUL, so a
/// text of 4095 bytes or more is `Value "%s" is not a valid ustring.`
/// (`EINVAL`) and the import fails; 4094 bytes fit.
public struct LocalizedTextLengthRule: SemanticRule {
    public static let id = "smf.template.loctext-length"
    public static let summary = "loctext text is at most 4094 bytes once trimmed (a ustring svc.configd stores)"
    /// Per svccfg command (`.repository`): loading stores it unchecked; `lscf_property_import` refuses it.
    public static let verdicts = RuleVerdicts.repository
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        return document.entities.flatMap { (entity) -> [Diagnostic] in
            guard let template = entity.entity.template else { return [] }
            var texts = template.commonName + (template.description ?? [])
            for pattern in template.pgPatterns {
                texts += (pattern.commonName ?? []) + (pattern.description ?? [])
                for prop in pattern.propPatterns {
                    texts += (prop.commonName ?? []) + (prop.description ?? []) + (prop.units ?? [])
                    let values = (prop.values ?? []) + (prop.constraints?.values ?? []) + (prop.choices?.values ?? [])
                    for value in values { texts += (value.commonName ?? []) + (value.description ?? []) }
                }
            }
            return texts.compactMap { text in
                let stored = Self.stripped(text.text).utf8.count
                guard stored > SMFType.maxUTF8ValueLength else { return nil }
                return diagnostic("loctext of \(entity.name) is \(stored) bytes; svc.configd stores a ustring of at "
                    + "most \(SMFType.maxUTF8ValueLength)", at: text.location, in: document)
            }
        }
    }

    /// The text without the leading and trailing white space `isspace`
    /// matches in the C locale.
    static func stripped(_ text: String) -> Substring {
        let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !space.contains($0) }),
              let last = bytes.lastIndex(where: { !space.contains($0) }) else { return "" }
        return Substring(String(decoding: bytes[first...last], as: UTF8.self))
    }
}
