import Diagnostics

/// `cluster.tls.key-type`: the certificate script makes ECDSA P-256 or RSA
/// 3072-bit keys, nothing else.
struct TLSKeyTypeCheck: DefinitionCheck {
    let rule = "cluster.tls.key-type"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        guard case .string(let type) = loaded.definition.settings["tls.key_type"],
              !ClusterDefinition.tlsKeyTypes.contains(type), UnsafeCharacters.first(in: type) == nil else { return [] }
        var message = "key type '\(type)' is not one the certificate script makes; write one of "
            + ClusterDefinition.tlsKeyTypes.joined(separator: ", ")
        if let guess = KeySuggestion.closest(to: type.lowercased(), among: ClusterDefinition.tlsKeyTypes) {
            message += "; did you mean '\(guess)'?"
        }
        return [error(message, at: loaded.sourceMap.location(of: "tls.key_type"))]
    }
}
