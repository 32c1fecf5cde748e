extension SMFType {
    /// The longest value the repository stores (`REP_PROTOCOL_VALUE_LEN - 1`).
    public static let maxValueLength = 4095

    /// The longest ustring (or host, hostname): `scf_type.c: valid_utf8`
    /// ends with `(str - str_arg) < REP_PROTOCOL_VALUE_LEN`, where `str` has
    /// passed the terminating NUL, so the NUL counts: 4094 bytes, one fewer
    /// than `valid_string` allows an astring.
    public static let maxUTF8ValueLength = 4094

    /// Why `value` is not a valid manifest value of this type, or nil if it is
    /// (smf.md §2: `lxml_store_value`, `scf_validate_encoded_value`).
    ///
    /// The reason is worded for svccfg's `illegal value "v" for type (reason)`.
    public func invalidityReason(of value: String) -> String? {
        switch self {
        case .boolean:
            // Manifests take only the two words (`lxml_xlate_boolean`).
            return value == "true" || value == "false" ? nil : "must be true or false"
        case .count:
            return NumericSyntax.parseCount(value) == nil ? "not an unsigned decimal number" : nil
        case .integer:
            return NumericSyntax.parseInteger(value) == nil ? "not a decimal integer" : nil
        case .time:
            return Self.isValidTime(value) ? nil : "not a time: seconds with up to 9 decimal places"
        case .astring:
            return value.utf8.contains(0) ? "contains a NUL byte" : nil
        case .ustring, .host, .hostname:
            // String carries valid UTF-8 by construction; NUL and the
            // length `valid_utf8` allows remain.
            if value.utf8.contains(0) { return "contains a NUL byte" }
            return value.utf8.count > Self.maxUTF8ValueLength
                ? "\(value.utf8.count) bytes; valid_utf8 allows \(Self.maxUTF8ValueLength)" : nil
        case .opaque:
            return Self.isValidOpaque(value) ? nil : "not an even number of hex digits"
        case .uri:
            return Self.hasURIPath(Self.storedCopy(of: value)) ? nil : "not a URI with a non-empty path"
        case .fmri:
            if case .failure(let error) = FMRI.parse(Self.storedCopy(of: value)) {
                return "not an FMRI: \(error.reason)"
            }
            return nil
        case .netAddress:
            return IPAddressSyntax.isValid(value, v4: true) || IPAddressSyntax.isValid(value, v4: false)
                ? nil : "not an IPv4 or IPv6 address"
        case .netAddressV4:
            return IPAddressSyntax.isValid(value, v4: true) ? nil : "not an IPv4 address"
        case .netAddressV6:
            return IPAddressSyntax.isValid(value, v4: false) ? nil : "not an IPv6 address"
        }
    }

    /// What `scf_value_set_from_string` validates of a string value: the
    /// copy `strlcpy` leaves in `value_value[REP_PROTOCOL_VALUE_LEN]`.
    static func storedCopy(of value: String) -> String {
        value.utf8.count <= maxValueLength ? value : String(decoding: value.utf8.prefix(maxValueLength), as: UTF8.self)
    }

    /// `[ws][+-]digits[.d{1,9}]`.
    private static func isValidTime(_ value: String) -> Bool {
        var rest = Substring(value).drop(while: { $0 == " " || $0 == "\t" })
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let seconds = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !seconds.isEmpty else { return false }
        rest = rest.dropFirst(seconds.count)
        if rest.isEmpty { return true }
        guard rest.first == "." else { return false }
        let fraction = rest.dropFirst()
        return (1...9).contains(fraction.count) && fraction.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private static func isValidOpaque(_ value: String) -> Bool {
        value.utf8.count % 2 == 0 && value.utf8.count <= 2 * maxValueLength
            && value.allSatisfy { $0.isHexDigit && $0.isASCII }
    }

    /// RFC 2396's generic regex always matches; what libscf checks is that
    /// the path part (after scheme and authority, before `?`/`#`) is not empty.
    private static func hasURIPath(_ value: String) -> Bool {
        var rest = Substring(value)
        if let colon = rest.firstIndex(of: ":"),
           colon > rest.startIndex,
           !rest[rest.startIndex..<colon].contains(where: { "/?#".contains($0) }) {
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            rest = rest.drop(while: { !"/?#".contains($0) })
        }
        let path = rest.prefix(while: { $0 != "?" && $0 != "#" })
        return !path.isEmpty
    }
}
