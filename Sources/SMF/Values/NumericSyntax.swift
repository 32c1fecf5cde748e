/// The C library number parsing svccfg relies on, reproduced so a value is
/// accepted or refused exactly as on illumos.
enum NumericSyntax {
    /// `strtoull(text, &end, 10)` with the whole string consumed
    /// (`lxml_store_value` for count, `timeout_seconds`): leading white space
    /// and a sign are allowed, and `-N` wraps to 2^64-N. nil means refused.
    static func parseCount(_ text: String) -> UInt64? {
        guard let (negative, magnitude) = signedDigits(text, allowEmpty: false),
              let value = UInt64(magnitude) else { return nil }
        return negative ? 0 &- value : value
    }

    /// `strtoll(text, &end, 10)`; the empty string is 0 (svccfg does not
    /// check `end == text` for integers: smf.md §2.2).
    static func parseInteger(_ text: String) -> Int64? {
        // strtoll("") leaves nothing unconsumed; white space alone is left
        // unconsumed and refused.
        if text.isEmpty { return 0 }
        guard let (negative, magnitude) = signedDigits(text, allowEmpty: false) else { return nil }
        return Int64(negative ? "-" + magnitude : magnitude)
    }

    /// Splits `[ws][+-]digits` into sign and digits; nil if anything else is
    /// present.
    private static func signedDigits(_ text: String, allowEmpty: Bool) -> (Bool, String)? {
        var rest = Substring(text).drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r"
            || $0 == "\u{0B}" || $0 == "\u{0C}" })
        if rest.isEmpty { return allowEmpty ? (false, "") : nil }
        var negative = false
        if rest.first == "+" || rest.first == "-" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (negative, String(rest))
    }

    /// `strtoull`/`strtoll` with base 0 (template ranges and constraint
    /// values): `0x` hex, leading-`0` octal, else decimal.
    static func parseBase0(_ text: String) -> (negative: Bool, magnitude: UInt64)? {
        var rest = Substring(text).drop(while: { $0 == " " || $0 == "\t" })
        var negative = false
        if rest.first == "+" || rest.first == "-" {
            negative = rest.first == "-"
            rest = rest.dropFirst()
        }
        let radix: Int
        if rest.hasPrefix("0x") || rest.hasPrefix("0X") {
            radix = 16
            rest = rest.dropFirst(2)
        } else if rest.hasPrefix("0") && rest.count > 1 {
            radix = 8
            rest = rest.dropFirst()
        } else {
            radix = 10
        }
        guard !rest.isEmpty, let magnitude = UInt64(rest, radix: radix) else { return nil }
        return (negative, magnitude)
    }
}
