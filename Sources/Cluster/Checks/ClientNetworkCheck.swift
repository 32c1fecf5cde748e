import Diagnostics

/// `cluster.postgres.client-network`: `postgres.client_network` is a network
/// in CIDR form (`10.0.0.0/24`), as pg_hba takes it (an error otherwise);
/// `0.0.0.0/0` or `::/0` lets every address on every network try passwords
/// against the cluster, which a warning says.
struct ClientNetworkCheck: DefinitionCheck {
    let rule = "cluster.postgres.client-network"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        guard let network = loaded.definition.postgres.clientNetwork, UnsafeCharacters.first(in: network) == nil else {
            return []
        }
        let at = loaded.sourceMap.location(of: "postgres.client_network")
        let parts = network.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let address = IPAddress(parts[0]), let prefix = Int(parts[1]),
              parts[1].allSatisfy(\.isNumber), prefix >= 0, prefix <= (address.family == .v4 ? 32 : 128) else {
            return [error("client network '\(network)' is not an address and a prefix length; write it like 10.0.0.0/24 "
                              + "or fd00::/64", at: at)]
        }
        if prefix == 0 {
            return [warning("client network \(network) admits clients from every address; name the network your "
                                + "applications are on", at: at)]
        }
        return []
    }
}
