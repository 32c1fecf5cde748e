/// The numbers inside templates, parsed as svccfg parses them.
enum TemplateNumbers {
    /// `cardinality min max` as svccfg stores them; nil unless both are
    /// present, numbers, and min <= max (template validation enforces a
    /// cardinality only when both properties exist).
    static func cardinality(of pattern: PropPattern) -> (UInt64, UInt64)? {
        guard let cardinality = pattern.cardinality,
              case .number(let min)? = cardinality.min.map(cardinalityBound),
              case .number(let max)? = cardinality.max.map(cardinalityBound),
              min <= max else { return nil }
        return (min, max)
    }

    enum CardinalityBound: Equatable {
        /// Empty: svccfg stores nothing.
        case absent
        case number(UInt64)
        /// The first character that is neither white space nor a digit.
        case illegalCharacter(Character)
        /// Digits first, but not a whole unsigned decimal.
        case notANumber
    }

    /// `lxml_get_cardinality_attribute`: white space may lead, then the
    /// first character must be a digit (so no sign), then `strtoull` base 10
    /// must consume everything.
    static func cardinalityBound(_ text: String) -> CardinalityBound {
        if text.isEmpty { return .absent }
        if let first = text.first(where: { !$0.isWhitespace }), !(first.isASCII && first.isNumber) {
            return .illegalCharacter(first)
        }
        return NumericSyntax.parseCount(text).map(CardinalityBound.number) ?? .notANumber
    }

    /// A `range`'s bounds (`verify_range`): base 0, signed if either bound
    /// starts with `-`. nil if either fails to convert.
    static func range(_ range: ValueRange) -> ClosedRange<WideInt>? {
        guard let min = range.min, let max = range.max else { return nil }
        let signed = min.hasPrefix("-") || max.hasPrefix("-")
        guard let low = number(min, signed: signed), let high = number(max, signed: signed), low <= high else {
            return nil
        }
        return low...high
    }

    static func number(_ text: String, signed: Bool) -> WideInt? {
        guard let (negative, magnitude) = NumericSyntax.parseBase0(text) else { return nil }
        if signed {
            let value = WideInt(negative: negative, magnitude: magnitude)
            return value >= WideInt(negative: true, magnitude: UInt64(Int64.max) + 1) && value <= WideInt(negative: false, magnitude: UInt64(Int64.max)) ? value : nil
        }
        return WideInt(negative: false, magnitude: negative ? 0 &- magnitude : magnitude)
    }
}

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

/// A signed 65-bit number: enough for both `strtoull` and `strtoll` results
/// without platform-dependent 128-bit integers.
struct WideInt: Comparable, Hashable {
    var negative: Bool
    var magnitude: UInt64

    init(negative: Bool, magnitude: UInt64) {
        self.negative = negative && magnitude != 0
        self.magnitude = magnitude
    }

    init(_ value: Int64) {
        self.init(negative: value < 0, magnitude: value.magnitude)
    }

    static func < (lhs: WideInt, rhs: WideInt) -> Bool {
        switch (lhs.negative, rhs.negative) {
        case (true, false): true
        case (false, true): false
        case (false, false): lhs.magnitude < rhs.magnitude
        case (true, true): lhs.magnitude > rhs.magnitude
        }
    }
}
