/// One key of the cluster definition, declared once: where it sits in the
/// YAML, what kind of value it holds, its default, its documentation line,
/// and where the value goes in `ClusterDefinition`. Decoding, source
/// positions, the value checks, the template context and the documentation
/// test all read `DefinitionKeys.all`, so a new setting is one entry there.
public struct DefinitionKey: Sendable {
    /// The key's path in the document: `etcd.client_port`. It is also the
    /// source-map path and the name templates see (`{{etcd.client_port}}`).
    public let path: String
    public let kind: ValueKind
    /// One line for `smfkit describe`, `smfkit init` and docs/cluster-definition.md.
    public let documentation: String
    let slot: Slot

    /// The key's own name, the last component of its path.
    public var name: String { String(path.split(separator: ".").last ?? "") }
    /// The mapping the key sits in: `etcd` for `etcd.client_port`, "" at the top.
    public var section: String {
        guard let dot = path.lastIndex(of: ".") else { return "" }
        return String(path[..<dot])
    }

    /// The default as docs show it; nil for a required key.
    public var shownDefault: String? {
        switch slot {
        case .required, .stack, .nodes, .hosts: nil
        case .int(_, let value): String(value)
        case .string(_, let value): value
        case .derived(_, let shown, _), .optional(_, let shown): shown
        case .account(let user): "{name: \(user.name), uid: \(user.uid)}"
        case .setting(let value): value.text
        }
    }

    /// Where a value goes, typed, with its default.
    enum Slot: @unchecked Sendable {
        /// A string the file must give (`cluster`).
        case required(WritableKeyPath<ClusterDefinition, String>)
        case stack
        case nodes
        case hosts
        case int(WritableKeyPath<ClusterDefinition, Int>, default: Int)
        case string(WritableKeyPath<ClusterDefinition, String>, default: String)
        /// A string whose default follows other values (`paths.postgres_bin`
        /// follows `postgres.version`); `shown` is how docs write it.
        case derived(WritableKeyPath<ClusterDefinition, String>, shown: String,
                     default: @Sendable (ClusterDefinition) -> String)
        /// A string that may stay unset; `shown` says what unset means.
        case optional(WritableKeyPath<ClusterDefinition, String?>, shown: String)
        /// An account (`users.etcd`): a mapping of `AccountKeys`, kept in
        /// `ClusterDefinition.users` under the key's name (its role).
        case account(default: ServiceUser)
        /// A value no Swift reads by name, kept in `ClusterDefinition.settings`
        /// under the key's path: templates see it, the checks of its kind
        /// check it. A key that only templates use needs nothing but its entry.
        case setting(default: SettingValue)
    }

    init(_ path: String, _ kind: ValueKind, _ slot: Slot, _ documentation: String) {
        self.path = path
        self.kind = kind
        self.slot = slot
        self.documentation = documentation
    }

    /// The key's value in `definition` as templates and checks see it: an
    /// `Int`, a `String`, a `Bool`, a `[String]`, or nil (an unset optional; lists and accounts are
    /// not single values).
    func value(in definition: ClusterDefinition) -> Any? {
        switch slot {
        case .required(let keyPath), .string(let keyPath, _), .derived(let keyPath, _, _): definition[keyPath: keyPath]
        case .int(let keyPath, _): definition[keyPath: keyPath]
        case .optional(let keyPath, _): definition[keyPath: keyPath]
        case .stack: definition.stack.rawValue
        case .nodes, .hosts, .account: nil
        case .setting: definition.settings[path]?.value
        }
    }
}

/// What a value is. The kind decides which checks see it, so a new key of
/// an existing kind is checked without a new line in any check.
public enum ValueKind: String, Sendable {
    /// A TCP port, 1–65535 (`cluster.port.range`).
    case port
    /// A timing or count, at least 1 (`cluster.value.positive`).
    case positive
    /// A plain integer (`postgres.version`, checked by its own rule).
    case integer
    /// An IPv4 or IPv6 literal.
    case address
    /// An absolute path on a node (`cluster.path.absolute`, `cluster.path.shape`).
    case path
    /// An absolute path of a file holding a secret; checked as a path.
    case secretPath
    /// A name or word that reaches manifests, commands and config files.
    case name
    /// A version string.
    case version
    /// A haproxy time: digits, then a unit (`us`, `ms`, `s`, `m`, `h`, `d`;
    /// none means milliseconds), as haproxy.cfg writes it (`cluster.value.duration`).
    case duration
    /// `patroni`, `stolon`, `etcd` or `replication`.
    case stack
    /// The list of nodes (`NodeKeys`).
    case nodes
    /// The list of hosts (`HostKeys`).
    case hosts
    /// A service account (`AccountKeys`).
    case account
    /// `true` or `false`.
    case boolean
    /// An IPv4 or IPv6 network in CIDR form (`10.0.0.0/24`, `fd00::/64`).
    case network
    /// A list of extra subject alternative names: IP literals or DNS names.
    case subjectNames
    /// A list of etcd client URLs, `https://10.0.0.1:2379` (`cluster.etcd.endpoints`).
    case endpoints
    /// The path of another definition file on the machine running smfkit,
    /// relative to the definition (`cluster.etcd.definition`); it reaches
    /// no generated file.
    case definitionFile

    /// Values of this kind are strings that reach a manifest, a command
    /// line, a method token or a config file (`cluster.value.unsafe-character`).
    var isText: Bool {
        switch self {
        case .address, .path, .secretPath, .name, .version, .network, .duration: true
        case .port, .positive, .integer, .stack, .nodes, .hosts, .account, .boolean, .subjectNames, .endpoints,
             .definitionFile:
            false
        }
    }

    var isPath: Bool { self == .path || self == .secretPath }
}

/// The value of a key kept in `ClusterDefinition.settings`.
public enum SettingValue: Hashable, Sendable {
    case int(Int)
    case string(String)
    case bool(Bool)
    case strings([String])

    var value: Any {
        switch self {
        case .int(let number): number
        case .string(let text): text
        case .bool(let flag): flag
        case .strings(let list): list
        }
    }

    var text: String {
        switch self {
        case .int(let number): String(number)
        case .string(let text): text
        case .bool(let flag): String(flag)
        case .strings(let list): "[" + list.joined(separator: ", ") + "]"
        }
    }
}
