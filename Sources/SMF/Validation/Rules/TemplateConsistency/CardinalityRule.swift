import Diagnostics

/// `lxml_get_tm_cardinality`: `min` and `max` are unsigned decimals (no
/// sign) and `max` is not below `min`.
public struct CardinalityRule: SemanticRule {
    public static let id = "smf.template.cardinality"
    public static let summary = "prop_pattern cardinality min/max are unsigned decimals with min <= max"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.declaredPGPatterns.flatMap { declared in
            declared.pattern.propPatterns.compactMap { prop -> Diagnostic? in
                guard let cardinality = prop.cardinality else { return nil }
                let location = cardinality.location ?? prop.location
                var numbers: [UInt64] = []
                for (attribute, text) in [("min", cardinality.min), ("max", cardinality.max)] {
                    guard let text else { continue }
                    if let bad = text.first(where: { !($0.isASCII && $0.isNumber) }) {
                        return diagnostic("\"\(bad)\" is not a legal character in the \(attribute) attribute of the "
                            + "cardinality element in \(declared.entity.fmri).", at: location, in: document)
                    }
                    guard let number = TemplateNumbers.unsignedDecimal(text) else {
                        return diagnostic("\"\(text)\" is not a legal number for the \(attribute) attribute of the "
                            + "cardinality element in \(declared.entity.fmri).", at: location, in: document)
                    }
                    numbers.append(number)
                }
                if numbers.count == 2, numbers[1] < numbers[0] {
                    return diagnostic("Cardinality max is less than min for the cardinality element in "
                        + "\(declared.entity.fmri).", at: location, in: document)
                }
                return nil
            }
        }
    }
}
