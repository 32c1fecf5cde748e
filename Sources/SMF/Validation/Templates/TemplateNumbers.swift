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
