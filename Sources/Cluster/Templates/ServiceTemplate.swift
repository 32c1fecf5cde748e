import SMF

/// What smfkit knows about one kind of daemon, read from a YAML file under
/// Templates/services/ (docs/templates.md describes the format). Adding a
/// daemon means adding such a file, not Swift code.
///
/// String fields may hold mustache tags (`{{node.name}}`) that are rendered
/// against the cluster definition; `%{config/...}` method tokens are left for
/// svc.startd.
public struct ServiceTemplate: Decodable, Hashable, Sendable {
    public var kind: String
    /// The stacks this daemon belongs to (`patroni`, `stolon`).
    public var stacks: [String]
    /// The SMF service name, e.g. `network/etcd`.
    public var service: String
    public var commonName: String
    public var description: String
    /// Which of the definition's `users` the methods run as:
    /// `etcd`, `postgres` or `haproxy`.
    public var user: String
    /// Tribblix packages the daemon comes from (mustache: the PostgreSQL
    /// package names its major version).
    public var packages: [String]
    /// Tribblix overlays the daemon's packages need (`REQUIRES=`).
    public var overlays: [String]?
    /// `startd/duration`: `child` for foreground daemons.
    public var duration: String
    public var workingDirectory: String?
    public var dependencies: [DependencyTemplate]
    public var methods: [MethodTemplate]
    public var files: [FileTemplate]?
    public var properties: [PropertyTemplate]

    enum CodingKeys: String, CodingKey {
        case kind, stacks, service, user, packages, overlays, duration, dependencies, methods, files, properties, description
        case commonName = "common_name"
        case workingDirectory = "working_directory"
    }
}

/// A dependency of every instance (`per_node: false`) or of each node's
/// instance on something on the same node (`per_node: true`).
public struct DependencyTemplate: Decodable, Hashable, Sendable {
    public var name: String
    public var fmri: String
    public var perNode: Bool?
    public var grouping: String?
    public var restartOn: String?

    enum CodingKeys: String, CodingKey {
        case name, fmri, grouping
        case perNode = "per_node"
        case restartOn = "restart_on"
    }
}

/// An `exec_method`: `exec` is a method-token line run by `/bin/sh -c`.
public struct MethodTemplate: Decodable, Hashable, Sendable {
    public var name: String
    public var exec: String
    public var timeout: Int
}

/// A companion file (haproxy.cfg, patroni.yml) rendered from a text template
/// under Templates/files/ into the output directory, and where the package
/// installs it on a node.
public struct FileTemplate: Decodable, Hashable, Sendable {
    public var template: String
    public var output: String
    public var install: String
    /// Octal permission bits, `"0755"` for a method script; default 0644.
    public var mode: String?

    /// The mode as bits, or nil when it is not an octal number.
    public var permissions: UInt16? {
        guard let mode else { return 0o644 }
        return UInt16(mode, radix: 8).flatMap { $0 <= 0o7777 ? $0 : nil }
    }
}

/// One property of the service's `config` property group, documented by a
/// `prop_pattern`. Per-node properties live on each instance, the others on
/// the service, so the composed view of every instance is complete.
public struct PropertyTemplate: Decodable, Hashable, Sendable {
    public var name: String
    public var type: SMFType
    public var value: String
    public var perNode: Bool?
    public var commonName: String
    public var description: String
    /// Allowed values, enforced by the template's `constraints`.
    public var constraints: [String]?

    enum CodingKeys: String, CodingKey {
        case name, type, value, description, constraints
        case perNode = "per_node"
        case commonName = "common_name"
    }
}
