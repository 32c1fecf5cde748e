/// The values of a definition grouped the way checks look at them, each with
/// the source-map path it was written at. Every group is read off
/// `DefinitionKeys`, `NodeKeys` and `AccountKeys` by kind, so a new key is
/// checked as its kind says without being listed here.
extension ClusterDefinition {
    /// Every string value that ends up in a manifest, a command line, a
    /// method token or a config file.
    var stringValues: [(path: String, value: String)] {
        var values: [(String, String)] = []
        for key in DefinitionKeys.all {
            switch key.kind {
            case .nodes:
                for (index, node) in nodes.enumerated() {
                    for field in NodeKeys.all where field.kind.isText {
                        if let text = field.value(in: node) as? String { values.append(("nodes[\(index)].\(field.name)", text)) }
                    }
                }
            case .hosts:
                for (index, host) in hosts.enumerated() {
                    for field in HostKeys.all where field.kind.isText {
                        if let text = field.value(in: host) as? String { values.append(("hosts[\(index)].\(field.name)", text)) }
                    }
                }
            case .account:
                guard let user = account(key) else { continue }
                for field in AccountKeys.all where field.kind.isText {
                    if let text = field.value(in: user) as? String { values.append(("\(key.path).\(field.name)", text)) }
                }
            case .subjectNames:
                for (index, name) in (key.value(in: self) as? [String] ?? []).enumerated() {
                    values.append(("\(key.path)[\(index)]", name))
                }
            default:
                if key.kind.isText, let text = key.value(in: self) as? String { values.append((key.path, text)) }
            }
        }
        return values
    }

    /// Every path on a node: binaries, data, configuration, secret files.
    var filePaths: [(path: String, value: String)] {
        DefinitionKeys.all.filter { $0.kind.isPath && !$0.holdsDerivedDefault(in: self) }.compactMap { key in
            (key.value(in: self) as? String).map { (key.path, $0) }
        }
    }

    /// Every port number, whether or not the stack listens on it.
    var ports: [(path: String, value: Int)] { integers(of: .port) }

    /// Every timing and count that must be at least 1.
    var positiveValues: [(path: String, value: Int)] { integers(of: .positive) }

    private func integers(of kind: ValueKind) -> [(path: String, value: Int)] {
        DefinitionKeys.of(kind).compactMap { key in (key.value(in: self) as? Int).map { (key.path, $0) } }
    }

    /// Every account, under its key in `users:` (its role).
    var serviceUsers: [(key: String, user: ServiceUser)] {
        DefinitionKeys.of(.account).compactMap { key in account(key).map { (key.name, $0) } }
    }

    func account(_ key: DefinitionKey) -> ServiceUser? {
        guard case .account = key.slot else { return nil }
        return users[key.name]
    }
}

extension ClusterDefinition {
    /// The account a daemon of `role` runs as: the definition's
    /// `users.<role>`. The one place a role becomes an account.
    public func account(for role: ServiceRole) -> ServiceUser {
        users[role.rawValue]
    }
}

extension ClusterDefinition {
    /// The value of the key at `path` (`etcd.client_port`): an `Int`, a
    /// `String`, or nil for an unset optional or an unknown path.
    public func value(at path: String) -> Any? {
        DefinitionKeys.all.first { $0.path == path }?.value(in: self)
    }
}

extension ClusterDefinition {
    /// The value at `path` as text (`3`, `/var/opt/pgha`, `false`); "" when unset.
    func text(at path: String) -> String {
        switch value(at: path) {
        case let number as Int: String(number)
        case let text as String: text
        case let flag as Bool: String(flag)
        default: ""
        }
    }
}
