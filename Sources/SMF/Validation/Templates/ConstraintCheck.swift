/// A property's values against a prop_pattern's `constraints`
/// (`tmpl_validate_value_range`, `tmpl_validate_values`). The two checks are
/// independent: with ranges, every value must lie in one (count and integer
/// only); with values, every value must equal one.
enum ConstraintCheck {
    struct Problem {
        var kind: TemplateFinding.Kind
        var detail: String
        var value: PropertyValue?
    }

    static func problems(of values: [PropertyValue], type: SMFType, _ constraints: ValueSet) -> [Problem] {
        rangeProblems(values, type, constraints.ranges) + valueProblems(values, type, constraints.values)
    }

    private static func rangeProblems(_ values: [PropertyValue], _ type: SMFType, _ ranges: [ValueRange]) -> [Problem] {
        guard !ranges.isEmpty else { return [] }
        guard type == .count || type == .integer else {
            return [Problem(kind: .invalidTemplate,
                            detail: "; Property does not have correct type for a range specification", value: nil)]
        }
        let bounds = ranges.map { range -> ClosedRange<WideInt>? in
            guard let min = range.min, let max = range.max,
                  let low = TemplateNumbers.number(min, signed: type == .integer),
                  let high = TemplateNumbers.number(max, signed: type == .integer), low <= high else { return nil }
            return low...high
        }
        guard bounds.allSatisfy({ $0 != nil }) else {
            return [Problem(kind: .invalidTemplate, detail: "; Illegal range value", value: nil)]
        }
        return values.compactMap { value in
            guard let number = number(value.text, type), !bounds.contains(where: { $0?.contains(number) ?? false })
            else { return nil }
            return Problem(kind: .range, detail: "; Value=\"\(value.text)\"", value: value)
        }
    }

    private static func valueProblems(_ values: [PropertyValue], _ type: SMFType, _ names: [TemplateValue]) -> [Problem] {
        guard !names.isEmpty else { return [] }
        switch type {
        case .boolean, .count, .integer:
            // Numeric types compare as numbers; a boolean is 0 or 1, so only
            // the names `0` and `1` can match it (smf.md §4.3 item 8).
            let legal = names.map { TemplateNumbers.number($0.name, signed: type == .integer) }
            if let bad = zip(names, legal).first(where: { $0.1 == nil }) {
                return [Problem(kind: .conversion, detail: "; Value=\"\(bad.0.name)\"", value: nil)]
            }
            return values.compactMap { value in
                guard let number = number(value.text, type), !legal.contains(number) else { return nil }
                return Problem(kind: .constraint, detail: "; Value=\"\(value.text)\"", value: value)
            }
        default:
            return values.compactMap { value in
                names.contains(where: { $0.name == value.text }) ? nil
                    : Problem(kind: .constraint, detail: "; Value=\"\(value.text)\"", value: value)
            }
        }
    }

    /// A stored value as a number; nil if it is not one (then its syntax
    /// rule has already reported it).
    private static func number(_ text: String, _ type: SMFType) -> WideInt? {
        switch type {
        case .boolean: WideInt(negative: false, magnitude: text == "true" ? 1 : 0)
        case .integer: NumericSyntax.parseInteger(text).map(WideInt.init)
        default: NumericSyntax.parseCount(text).map { WideInt(negative: false, magnitude: $0) }
        }
    }
}
