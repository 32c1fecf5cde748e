import Diagnostics

/// `cluster.tls.address-coverage`: every address a peer or a client sees a
/// node's certificate from must be one of its subject alternative names. A
/// node certificate carries the node's address and name and `tls.extra_sans`.
/// - Nodes on 127.x addresses other than 127.0.0.1 need `127.0.0.1` too:
///   Linux gives connections between loopback addresses the source
///   127.0.0.1, and etcd checks a peer's certificate against the address the
///   connection came from, so the members refuse each other (tls-linux.md,
///   pitfall 1). An error.
/// - A wildcard `haproxy.bind_address` lets clients dial addresses no
///   certificate names (a specific one is named automatically), and
///   `sslmode=verify-full` fails for them. A warning, when `tls.extra_sans`
///   names nothing more.
struct TLSAddressCoverageCheck: DefinitionCheck {
    let rule = "cluster.tls.address-coverage"

    /// 127.0.0.1, the source of connections between loopback addresses on Linux.
    static let loopbackSource = IPAddress("127.0.0.1")

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        guard definition.tlsEnabled else { return [] }
        var found: [Diagnostic] = []
        let named = Set(definition.tlsExtraNames.compactMap(IPAddress.init))
        // One error, at the first such node: the fix is one entry for all of them.
        if !named.contains(where: { $0 == Self.loopbackSource }),
           let index = definition.nodes.firstIndex(where: Self.needsLoopbackSource) {
            let node = definition.nodes[index]
            found.append(error("node \(node.name) is on the loopback address \(node.address), and connections between "
                                   + "loopback addresses come from 127.0.0.1, which its certificate does not name: "
                                   + "etcd members would refuse each other; add 127.0.0.1 to tls.extra_sans",
                               at: loaded.sourceMap.location(of: "nodes[\(index)].address")))
        }
        if definition.stack == .patroni, let bind = definition.haproxy.bindAddress,
           IPAddress(bind)?.isWildcard == true, definition.tlsExtraNames.isEmpty {
            found.append(warning("haproxy listens on every address (\(bind)), but the certificates name only the "
                                     + "nodes' own: clients dialing another address with sslmode=verify-full are "
                                     + "refused; list the addresses clients use in tls.extra_sans",
                                 at: loaded.sourceMap.location(of: "haproxy.bind_address")))
        }
        return found
    }

    /// A node on 127.x other than 127.0.0.1 itself.
    static func needsLoopbackSource(_ node: Node) -> Bool {
        guard let address = IPAddress(node.address) else { return false }
        return address.family == .v4 && address.bytes.first == 127 && address != loopbackSource
    }
}
