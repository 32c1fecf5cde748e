/// `inet_pton` syntax with libscf's optional `/prefix` (smf.md §2.2).
enum IPAddressSyntax {
    static func isValid(_ value: String, v4: Bool) -> Bool {
        var address = Substring(value)
        if let slash = value.firstIndex(of: "/") {
            address = value[value.startIndex..<slash]
            // libscf reads the prefix with strtol and ignores what follows
            // the digits; only its range matters.
            let digits = value[value.index(after: slash)...].prefix(while: { $0.isASCII && $0.isNumber })
            guard let prefix = Int(digits.prefix(4)), prefix <= (v4 ? 32 : 128) else { return false }
        }
        return v4 ? isIPv4(address) : isIPv6(address)
    }

    /// Strict dotted quad: four decimal parts 0-255, no leading zeros.
    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber }
                && (part.count == 1 || part.first != "0") && (Int(part) ?? 256) <= 255
        }
    }

    /// RFC 4291 text form, with `::` and an optional dotted-quad tail.
    static func isIPv6(_ text: Substring) -> Bool {
        guard !text.isEmpty else { return false }
        var halves: [Substring] = [text]
        if let gap = text.firstRange(of: "::") {
            halves = [text[text.startIndex..<gap.lowerBound], text[gap.upperBound...]]
            if halves[1].contains("::") { return false }
        }
        func groups(_ half: Substring) -> [Substring] {
            half.isEmpty ? [] : half.split(separator: ":", omittingEmptySubsequences: false)
        }
        var all = groups(halves[0]) + (halves.count == 2 ? groups(halves[1]) : [])
        if text.hasSuffix("::"), all.last?.contains(".") == true { return false }
        var width = 0
        if let last = all.last, last.contains(".") {
            guard isIPv4(last) else { return false }
            all.removeLast()
            width += 2
        }
        for group in all {
            guard (1...4).contains(group.count), group.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return false }
            width += 1
        }
        return halves.count == 2 ? width <= 7 : width == 8
    }
}
