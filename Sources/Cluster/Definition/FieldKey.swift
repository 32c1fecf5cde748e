/// A key inside a repeated mapping: a node of `nodes`, an account of
/// `users`. Declared once in `NodeKeys` and `AccountKeys`, like the
/// definition's own keys in `DefinitionKeys`.
public struct FieldKey<Root>: @unchecked Sendable {
    public let name: String
    public let kind: ValueKind
    /// How docs write the default; nil for a required key.
    public let shownDefault: String?
    public let documentation: String
    let slot: Slot

    enum Slot {
        case string(WritableKeyPath<Root, String>)
        case int(WritableKeyPath<Root, Int>)
    }

    init(_ name: String, _ kind: ValueKind, _ slot: Slot, default shownDefault: String?, _ documentation: String) {
        self.name = name
        self.kind = kind
        self.slot = slot
        self.shownDefault = shownDefault
        self.documentation = documentation
    }

    var isRequired: Bool { shownDefault == nil }

    func value(in root: Root) -> Any {
        switch slot {
        case .string(let keyPath): root[keyPath: keyPath]
        case .int(let keyPath): root[keyPath: keyPath]
        }
    }
}

/// The keys of one node under `nodes:`.
public enum NodeKeys {
    public static let all: [FieldKey<Node>] = [
        .init("name", .name, .string(\.name), default: nil,
              "The node's name: the SMF instance name of every service on it, the etcd and patroni member name."),
        .init("address", .address, .string(\.address), default: nil,
              "The node's IPv4 or IPv6 literal; every daemon of the node listens on it."),
        .init("keeper_id", .name, .string(\.keeperID), default: "postgres<index>",
              "stolon only: the keeper's --uid."),
    ]
    public static var names: [String] { all.map(\.name) }
}

/// The keys of one account under `users:`.
public enum AccountKeys {
    public static let all: [FieldKey<ServiceUser>] = [
        .init("name", .name, .string(\.name), default: nil, "Login name."),
        .init("uid", .integer, .int(\.uid), default: nil, "User id, 1–2147483646."),
        .init("group", .name, .string(\.group), default: "the user's name", "Primary group name."),
        .init("gid", .integer, .int(\.gid), default: "the user's uid", "Primary group id."),
    ]
    public static var names: [String] { all.map(\.name) }
}
