/// The `tls:` settings as Swift reads them. They are `.setting` keys of
/// `DefinitionKeys` (templates read them by path); these accessors are the
/// one place Swift code names them.
extension ClusterDefinition {
    /// `tls.enabled`: every connection encrypted and authenticated by certificates.
    public var tlsEnabled: Bool {
        if case .bool(let enabled) = settings["tls.enabled"] { return enabled }
        return true
    }

    /// `tls.extra_sans`: names every node certificate carries besides the node's own.
    var tlsExtraNames: [String] {
        if case .strings(let names) = settings["tls.extra_sans"] { return names }
        return []
    }

    /// `tls.ca_dir`, or its default: one directory per cluster, so no two
    /// clusters deployed from one host trust each other's certificates.
    var tlsCADirectory: String { tls.caDirectory ?? "/var/opt/smfkit/\(cluster)/ca" }

    /// `tls.key_type`: the key of the CA and of every certificate.
    var tlsKeyType: String {
        if case .string(let type) = settings["tls.key_type"] { return type }
        return "ecdsa-p256"
    }

    /// The key types the certificate script can make, as `tls.key_type` spells them.
    static let tlsKeyTypes = ["ecdsa-p256", "rsa-3072"]
}
