/// A key inside a repeated mapping: a node of `nodes`, an account of
/// `users`. Declared once in `NodeKeys` and `AccountKeys`, like the
/// definition's own keys in `DefinitionKeys`; the loader reads the mapping
/// by these entries, so a new node key is one entry.
public struct FieldKey<Root>: @unchecked Sendable {
    public let name: String
    public let kind: ValueKind
    public let documentation: String
    let slot: Slot
    let fallback: Fallback

    enum Slot {
        case string(WritableKeyPath<Root, String>)
        case int(WritableKeyPath<Root, Int>)
    }

    /// What a mapping that leaves the key out gets.
    enum Fallback {
        /// Nothing: the key is required.
        case required
        /// A value made from the mapping's index in its list
        /// (`postgres<index>`); `shown` is how docs write it.
        case index(shown: String, @Sendable (Int) -> String)
        /// The value of another key of the same mapping (a group named
        /// after its user).
        case sameAs(String)
    }

    init(_ name: String, _ kind: ValueKind, _ slot: Slot, _ fallback: Fallback, _ documentation: String) {
        self.name = name
        self.kind = kind
        self.slot = slot
        self.fallback = fallback
        self.documentation = documentation
    }

    var isRequired: Bool {
        if case .required = fallback { return true }
        return false
    }

    /// How docs write the default; nil for a required key.
    public var shownDefault: String? {
        switch fallback {
        case .required: nil
        case .index(let shown, _): shown
        case .sameAs(let other): "the \(other)"
        }
    }

    func value(in root: Root) -> Any {
        switch slot {
        case .string(let keyPath): root[keyPath: keyPath]
        case .int(let keyPath): root[keyPath: keyPath]
        }
    }

    /// Gives `root` this key's fallback (the mapping's index is `index`);
    /// `sameAs` reads the other key, so it runs after the keys are read.
    func applyFallback(to root: inout Root, index: Int, among keys: [FieldKey<Root>]) {
        switch (fallback, slot) {
        case (.index(_, let make), .string(let keyPath)): root[keyPath: keyPath] = make(index)
        case (.sameAs(let other), .string(let keyPath)):
            if case .string(let source)? = keys.first(where: { $0.name == other })?.slot {
                root[keyPath: keyPath] = root[keyPath: source]
            }
        case (.sameAs(let other), .int(let keyPath)):
            if case .int(let source)? = keys.first(where: { $0.name == other })?.slot {
                root[keyPath: keyPath] = root[keyPath: source]
            }
        default: break
        }
    }
}

/// The keys of one node under `nodes:`.
public enum NodeKeys {
    public static let all: [FieldKey<Node>] = [
        .init("name", .name, .string(\.name), .required,
              "The node's name: the SMF instance name of every service on it, the etcd and patroni member name."),
        .init("address", .address, .string(\.address), .required,
              "The node's IPv4 or IPv6 literal; every daemon of the node listens on it."),
        .init("keeper_id", .name, .string(\.keeperID), .index(shown: "postgres<index>") { "postgres\($0)" },
              "stolon only: the keeper's --uid."),
        .init("etcd_state", .name, .string(\.etcdState), .index(shown: "new") { _ in "new" },
              "new: a member of the etcd cluster's first bootstrap; existing: a member added to the running cluster."),
        .init("host", .name, .string(\.host), .index(shown: "none (the host that runs deploy.sh)") { _ in "" },
              "With hosts: the name of the host whose global zone holds the node's zone; required there."),
    ]
    public static var names: [String] { all.map(\.name) }
}

/// The keys of one account under `users:`.
public enum AccountKeys {
    public static let all: [FieldKey<ServiceUser>] = [
        .init("name", .name, .string(\.name), .required, "Login name."),
        .init("uid", .integer, .int(\.uid), .required, "User id, 1–2147483646."),
        .init("group", .name, .string(\.group), .sameAs("name"), "Primary group name."),
        .init("gid", .integer, .int(\.gid), .sameAs("uid"), "Primary group id."),
    ]
    public static var names: [String] { all.map(\.name) }
}
