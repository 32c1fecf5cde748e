/// The name grammar of the SMF repository (`libuutil uu_check_name`, smf.md §3.1).
///
/// ```
/// ident     := [A-Za-z][A-Za-z0-9_-]*
/// provider  := [A-Za-z][A-Za-z0-9_.-]*
/// component := [provider ","] ident      (the provider part only for .domain)
/// path      := component ("/" component)* (.servicePath)
/// ```
public enum SMFName {
    /// Which flavour of `uu_check_name` applies (svc.configd `rc_types[]`).
    public enum Kind: Sendable {
        /// Flags 0: a scope (`localhost`).
        case ident
        /// `UU_NAME_DOMAIN`: instance, property group, property, pg type.
        case domain
        /// `UU_NAME_DOMAIN | UU_NAME_PATH`: a service name.
        case servicePath
    }

    /// `REP_PROTOCOL_NAME_LEN - 1`: the longest name or pg type, in bytes.
    public static let maxLength = 119

    /// Whether `name` passes `uu_check_name` for `kind`.
    ///
    /// It mirrors one quirk on purpose, because svccfg's verdict is what we
    /// reproduce: for a path, a component that is followed by `/` is checked
    /// without its last character, so `a/foo` is rejected (the component
    /// checked is empty) and the character before each `/` is not checked.
    public static func isValid(_ name: String, as kind: Kind) -> Bool {
        let bytes = Array(name.utf8)
        switch kind {
        case .ident:
            return isValidIdent(bytes[...], allowDot: false)
        case .domain:
            return isValidComponent(bytes[...], domain: true)
        case .servicePath:
            var start = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "/") {
                    // uu_check_name passes `p - 1` as the end: see above.
                    let end = max(start, index - 1)
                    if !isValidComponent(bytes[start..<end], domain: true) { return false }
                    start = index + 1
                }
                index += 1
            }
            return isValidComponent(bytes[start..<bytes.count], domain: true)
        }
    }

    private static func isValidComponent(_ bytes: ArraySlice<UInt8>, domain: Bool) -> Bool {
        if domain, let comma = bytes.firstIndex(of: UInt8(ascii: ",")) {
            return isValidIdent(bytes[bytes.startIndex..<comma], allowDot: true)
                && isValidIdent(bytes[(comma + 1)...], allowDot: false)
        }
        return isValidIdent(bytes, allowDot: false)
    }

    private static func isValidIdent(_ bytes: ArraySlice<UInt8>, allowDot: Bool) -> Bool {
        guard let first = bytes.first, isAlpha(first) else { return false }
        return bytes.dropFirst().allSatisfy { byte in
            isAlpha(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-") || (allowDot && byte == UInt8(ascii: "."))
        }
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Whether `name` fits the repository's name limit.
    public static func fitsLength(_ name: String) -> Bool { name.utf8.count <= maxLength }
}
