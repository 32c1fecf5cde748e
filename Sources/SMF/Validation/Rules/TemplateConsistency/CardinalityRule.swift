import Diagnostics

/// `lxml_get_tm_cardinality`: `min` and `max` are unsigned decimals — white
/// space may lead, but the first other character must be a digit (`"%c" is
/// not a legal character in the %s attribute …`), and the whole must convert
/// (`"%s" is not a legal number …`) — and max is not below min
/// (`Cardinality max is less than min …`).
public struct CardinalityRule: SemanticRule {
    public static let id = "smf.template.cardinality"
    public static let summary = "prop_pattern cardinality min/max are unsigned decimals with min <= max"
    /// Per svccfg command (`.loading`): `lxml_get_tm_cardinality`: `semerr`, `-1` returned through
    /// `lxml_get_tm_prop_pattern` and `lxml_get_template`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.declaredPGPatterns.flatMap { declared in
            declared.pattern.propPatterns.compactMap { prop -> Diagnostic? in
                guard let cardinality = prop.cardinality else { return nil }
                let location = cardinality.location ?? prop.location
                let element = "tm_proppat_\(declared.pattern.storageSuffix)_\(prop.name)"
                let entity = declared.entity.name
                var numbers: [String: UInt64] = [:]
                for (attribute, text) in [("min", cardinality.min), ("max", cardinality.max)] {
                    switch text.map(TemplateNumbers.cardinalityBound) ?? .absent {
                    case .absent:
                        continue
                    case .number(let number):
                        numbers[attribute] = number
                    case .illegalCharacter(let character):
                        return diagnostic("\"\(character)\" is not a legal character in the \(attribute) attribute of "
                            + "the cardinality_\(attribute) element in \(entity).", at: location, in: document)
                    case .notANumber:
                        return diagnostic("\"\(text ?? "")\" is not a legal number for the \(attribute) attribute of "
                            + "the cardinality_\(attribute) element in \(entity).", at: location, in: document)
                    }
                }
                if let min = numbers["min"], let max = numbers["max"], max < min {
                    return diagnostic("Cardinality max is less than min for the \(element) element in "
                        + "\(declared.entity.fmri).", at: location, in: document)
                }
                return nil
            }
        }
    }
}
