/// A machine whose global zone holds some of the cluster's zones. With
/// `hosts`, each host gets its own deploy script, which creates and
/// configures only the zones of the nodes placed on it (`nodes[].host`),
/// and `deploy-hosts.sh`, run on the operator's machine, runs those
/// scripts over ssh in the order the cluster needs.
public struct ClusterHost: Hashable, Sendable {
    /// How the definition and the generated scripts name the host
    /// (`deploy-<name>.sh`).
    public var name: String
    /// What `ssh` is given to reach the host's global zone as root: a
    /// destination (`root@10.0.0.1`) or a `Host` of the operator's ssh
    /// configuration. ssh is all deploy needs to reach a host: every step
    /// and the carrying of the CA and passwords go through it.
    public var ssh: String

    public init(name: String, ssh: String) {
        self.name = name
        self.ssh = ssh
    }
}

/// The keys of one host under `hosts:`.
public enum HostKeys {
    public static let all: [FieldKey<ClusterHost>] = [
        .init("name", .name, .string(\.name), .required,
              "The host's name, which nodes[].host refers to; its deploy script is deploy-<name>.sh."),
        .init("ssh", .name, .string(\.ssh), .sameAs("name"),
              "The ssh destination deploy-hosts.sh reaches the host's global zone at, as root ([user@]address or an ssh config Host)."),
    ]
    public static var names: [String] { all.map(\.name) }
}

extension ClusterDefinition {
    /// The nodes placed on `host`, in definition order.
    public func nodes(on host: ClusterHost) -> [Node] {
        nodes.filter { $0.host == host.name }
    }

    /// Whether the definition places its nodes on hosts; without, every zone
    /// is on the one host that runs deploy.sh.
    public var hasHosts: Bool { !hosts.isEmpty }
}
