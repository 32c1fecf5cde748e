import Diagnostics

/// `cluster.haproxy.bind-address`: haproxy's listen address, when given, is
/// an IPv4 or IPv6 literal (a wildcard is allowed: listen everywhere).
struct BindAddressCheck: DefinitionCheck {
    let rule = "cluster.haproxy.bind-address"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        guard let bind = loaded.definition.haproxy.bindAddress, UnsafeCharacters.first(in: bind) == nil,
              IPAddress(bind) == nil else { return [] }
        return [error("haproxy bind address '\(bind)' is not an IPv4 or IPv6 address; write it like 127.0.0.1 or ::",
                      at: loaded.sourceMap.location(of: "haproxy.bind_address"))]
    }
}
