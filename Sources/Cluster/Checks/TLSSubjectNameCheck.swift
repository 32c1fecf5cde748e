import Diagnostics

/// `cluster.tls.subject-name`: each of `tls.extra_sans` is an IPv4 or IPv6
/// literal or a DNS name (letters, digits, `-`, labels of at most 63
/// characters); openssl would refuse the
/// certificate, or clients would never match it, otherwise.
struct TLSSubjectNameCheck: DefinitionCheck {
    let rule = "cluster.tls.subject-name"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        loaded.definition.tlsExtraNames.enumerated().compactMap { index, name in
            guard UnsafeCharacters.first(in: name) == nil, IPAddress(name) == nil, !Self.isDNSName(name) else { return nil }
            return error("'\(name)' is neither an IP address nor a DNS name; a certificate cannot carry it",
                         at: loaded.sourceMap.location(of: "tls.extra_sans[\(index)]"))
        }
    }

    static func isDNSName(_ name: String) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !labels.isEmpty, name.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
