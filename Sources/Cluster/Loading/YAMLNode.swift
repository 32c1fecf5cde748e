import Diagnostics

/// A YAML document as composed from libyaml's events: plain data plus where
/// each node was written. Kept separate from Yams' `Node` because the loader
/// needs what `Node` does not carry: every duplicate key (Yams throws at the
/// first), where a scalar's text begins inside its quotes, and a bound on how
/// far aliases expand.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    /// Line and column (1-based) where the node starts: the first character of
    /// a plain scalar, the opening quote, `[`, `{`, `-` or the first key.
    var line: Int
    var column: Int

    /// What a user would call this kind of node in an error message.
    var kindDescription: String {
        switch content {
        case .scalar(let scalar): scalar.isNull ? "null" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

struct YAMLScalar: Sendable {
    enum Style: Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    var text: String
    var style: Style
    /// An explicit tag (`!!str`, `!foo`), expanded to its full form; nil if none.
    var tag: String?
    /// Where the value's first character sits when the file spells the value
    /// character for character on one line (no escapes, no folding), so that a
    /// check can point at one character of it. Nil otherwise.
    var verbatimStart: (line: Int, column: Int)?

    /// YAML's null: `~`, `null`, or nothing at all, when not quoted.
    var isNull: Bool {
        guard style == .plain, tag == nil else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
