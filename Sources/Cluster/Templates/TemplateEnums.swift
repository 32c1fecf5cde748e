/// The closed vocabularies of a service template. Each is an enum so that a
/// misspelt value is an error at loading (with the closest value), not a
/// daemon silently dropped or a manifest svccfg refuses.

/// Which account of the definition's `users:` a daemon runs as: the name of
/// an account key of `DefinitionKeys` (`users.etcd` → `etcd`). A closed
/// vocabulary read off the table, so a new account is one entry there.
public struct ServiceRole: RawRepresentable, Hashable, Sendable, CaseIterable {
    public let rawValue: String

    /// Nil for a name the table has no account for.
    public init?(rawValue: String) {
        guard Self.allCases.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    private init(account: String) {
        rawValue = account
    }

    public static var allCases: [ServiceRole] { DefinitionKeys.of(.account).map { ServiceRole(account: $0.name) } }

    /// The PostgreSQL account, which reads the secret files.
    public static let postgres = ServiceRole(account: "postgres")
}

/// `startd/duration` (svc.startd(8)): how svc.startd watches the start method.
public enum StartDuration: String, Hashable, Sendable, CaseIterable {
    /// The start method forks a daemon and exits; its contract is watched.
    case contract
    /// The start method is the daemon, in the foreground.
    case child
    /// The start method does its work and exits; nothing stays.
    case transient
}

/// When deploy.sh enables a daemon: phase by phase across every node, each
/// phase waiting until the one before is healthy, so that no daemon starts
/// (and exhausts svc.startd's restart limit) before what it needs exists on
/// the other nodes too.
public enum DeployPhase: String, Hashable, Sendable, CaseIterable {
    /// The configuration store (etcd): every member, then a quorum check.
    case store
    /// The database managers (patroni, stolon keeper and sentinel).
    case database
    /// What clients connect to (haproxy, stolon proxy).
    case proxy
}

/// A dependency's `restart_on` (service_bundle(4)).
public enum RestartOn: String, Hashable, Sendable, CaseIterable {
    case none, error, restart, refresh
}

/// A dependency's `grouping` (service_bundle(4)).
public enum DependencyGrouping: String, Hashable, Sendable, CaseIterable {
    case requireAll = "require_all"
    case requireAny = "require_any"
    case optionalAll = "optional_all"
    case excludeAll = "exclude_all"
}
