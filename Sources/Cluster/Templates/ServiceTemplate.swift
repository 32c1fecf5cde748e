import Diagnostics
import SMF

/// What smfkit knows about one kind of daemon, read from a YAML file under
/// Templates/services/ (docs/templates.md describes the format). Adding a
/// daemon means adding such a file, not Swift code: its stacks, account,
/// listeners and directories are all declared here.
///
/// Every default is applied once, by `ServiceTemplateDecoder`. String
/// fields may hold mustache tags (`{{node.name}}`) that are rendered against
/// the cluster definition; `%{config/...}` method tokens are left for
/// svc.startd.
public struct ServiceTemplate: Hashable, Sendable {
    public var kind: String
    /// The stacks this daemon belongs to.
    public var stacks: [Stack]
    /// The SMF service name, e.g. `network/pgha/etcd`.
    public var service: String
    /// The role a node needs to run this daemon; nil: every node runs it.
    public var role: NodeRole?
    public var commonName: String
    public var description: String
    /// Which of the definition's `users` the methods run as.
    public var user: ServiceRole
    /// Tribblix packages the daemon comes from (mustache: the PostgreSQL
    /// package names its major version).
    public var packages: [String]
    /// Tribblix overlays the daemon's packages need (`REQUIRES=`).
    public var overlays: [String]
    public var duration: StartDuration
    /// The deploy phase that enables it (`database` when the file has none).
    public var deployPhase: DeployPhase
    public var workingDirectory: String?
    public var dependencies: [DependencyTemplate]
    public var methods: [MethodTemplate]
    public var files: [FileTemplate]
    public var properties: [PropertyTemplate]
    /// The ports the daemon binds on each node, for the port-conflict check
    /// and the topology.
    public var listeners: [ListenerTemplate]
    /// Directories the package creates for the daemon, owned by its account.
    public var directories: [DirectoryTemplate]
    /// Whom the daemon talks to, for `smfkit graph`.
    public var connections: ConnectionsTemplate
    /// Where the template was read from (`Templates/services/etcd.yaml`).
    public var origin: String

    /// The service's FMRI on `node`: `svc:/network/pgha/etcd:node1`, built by `SMF.FMRI`.
    public func instanceFMRI(on node: String) -> String {
        FMRI.ServiceFMRIParts(service: service, instance: node).entityFMRI ?? ""
    }
}

/// A dependency of every instance (`per_node: false`) or of each node's
/// instance on something on the same node (`per_node: true`).
public struct DependencyTemplate: Hashable, Sendable {
    public var name: String
    /// An FMRI, mustache allowed (`svc:/network/pgha/etcd:{{node.name}}`).
    public var fmri: String
    /// The service the FMRI names (`network/etcd`), parsed by `SMF.FMRI`
    /// with its mustache tags standing for one value; orders the templates.
    public var targetService: String
    public var perNode: Bool
    public var grouping: DependencyGrouping
    public var restartOn: RestartOn
}

/// An `exec_method`: `exec` is a method-token line run by `/bin/sh -c`.
public struct MethodTemplate: Hashable, Sendable {
    public var name: String
    public var exec: String
    public var timeout: Int
}

/// A companion file (haproxy.cfg, patroni.yml) rendered from a text template
/// under Templates/files/ into the output directory, and where the package
/// installs it on a node.
public struct FileTemplate: Hashable, Sendable {
    public var template: String
    public var output: String
    public var install: String
    /// Permission bits; `"0755"` in the file for a method script, 0644 by default.
    public var permissions: UInt16
}

/// One property of the service's `config` property group, documented by a
/// `prop_pattern`. Per-node properties live on each instance, the others on
/// the service, so the composed view of every instance is complete.
public struct PropertyTemplate: Hashable, Sendable {
    public var name: String
    public var type: SMFType
    public var value: String
    public var perNode: Bool
    public var commonName: String
    public var description: String
    /// Allowed values, enforced by the template's `constraints`.
    public var constraints: [String]?
}

/// A port the daemon binds on every node: `port` names a port key of the
/// definition (`etcd.client_port`) or is a number the daemon always uses;
/// `address` names an address key (`haproxy.bind_address`) whose value,
/// when set, replaces the node's own.
public struct ListenerTemplate: Hashable, Sendable {
    /// What the port is for, shown in the topology (`client`, `REST API`).
    public var purpose: String
    public var port: Port
    public var address: String?

    public enum Port: Hashable, Sendable {
        /// A port key of the definition.
        case key(String)
        case number(Int)
    }

    /// The port on a node of `definition`; nil for a key without a value.
    public func port(in definition: ClusterDefinition) -> Int? {
        switch port {
        case .key(let path): definition.value(at: path) as? Int
        case .number(let number): number
        }
    }
}

/// Whom a daemon talks to, as `smfkit graph` draws it. Labels are mustache,
/// rendered with `node` set to the daemon's own node.
public struct ConnectionsTemplate: Hashable, Sendable {
    /// The same daemon on the other nodes, both ways, each pair once
    /// (etcd members, replication between database daemons).
    public var peers: String?
    /// Daemons this one is a client of.
    public var clients: [ClientConnection]
    /// Where applications connect to this daemon.
    public var applications: String?

    public init(peers: String? = nil, clients: [ClientConnection] = [], applications: String? = nil) {
        self.peers = peers
        self.clients = clients
        self.applications = applications
    }
}

/// This daemon connects to the daemon of `kind` on its own node or on every node.
public struct ClientConnection: Hashable, Sendable {
    public enum Scope: String, Hashable, Sendable, CaseIterable {
        case sameNode = "same-node"
        case everyNode = "every-node"
    }

    public var to: String
    public var on: Scope
    public var label: String
    /// Where `to` is written, for the check that names an unknown kind.
    public var location: SourceLocation
}

/// A directory the package creates on every node, owned by the daemon's
/// account: `{{paths.data}}/etcd`.
public struct DirectoryTemplate: Hashable, Sendable {
    public var path: String
    public var permissions: UInt16
}
