/// The numbers inside templates, parsed as svccfg parses them.
enum TemplateNumbers {
    /// `cardinality min max` as unsigned decimals (`lxml_get_cardinality_attribute`:
    /// digits only, no sign); nil if either is absent or not a number, or
    /// min exceeds max.
    static func cardinality(of pattern: PropPattern) -> (UInt64, UInt64)? {
        guard let cardinality = pattern.cardinality,
              let min = cardinality.min.flatMap(unsignedDecimal), let max = cardinality.max.flatMap(unsignedDecimal),
              min <= max else { return nil }
        return (min, max)
    }

    static func unsignedDecimal(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(text)
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

/// Whether a property value meets a prop_pattern's `constraints`
/// (`scf_tmpl_value_in_constraint`): it equals a constraint value or, for
/// count and integer, lies in a range.
enum ConstraintCheck {
    static func allows(_ value: String, of type: SMFType, _ constraints: ValueSet) -> Bool {
        switch type {
        case .count, .integer:
            let signed = type == .integer
            let parsed: WideInt? = signed ? NumericSyntax.parseInteger(value).map(WideInt.init)
                : NumericSyntax.parseCount(value).map { WideInt(negative: false, magnitude: $0) }
            guard let number = parsed else { return false }
            if constraints.ranges.contains(where: { TemplateNumbers.range($0)?.contains(number) ?? false }) {
                return true
            }
            return constraints.values.contains { TemplateNumbers.number($0.name, signed: signed) == number }
        case .boolean:
            // libscf compares booleans as numbers, so only constraint names
            // `0` and `1` can ever match (smf.md §4.3 item 8).
            let number = WideInt(negative: false, magnitude: value == "true" ? 1 : 0)
            return constraints.values.contains { TemplateNumbers.number($0.name, signed: false) == number }
        default:
            return constraints.values.contains { $0.name == value }
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
