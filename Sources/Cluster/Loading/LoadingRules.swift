/// Rule ids of the problems found while loading a definition (before any
/// check runs). Tests and users key on these.
public enum LoadingRule {
    /// libyaml rejected the text (or it holds more than one document).
    public static let syntax = "cluster.yaml.syntax"
    /// The file is not UTF-8.
    public static let encoding = "cluster.yaml.encoding"
    /// The file exceeds `DefinitionLoader.maxBytes`.
    public static let tooLarge = "cluster.yaml.too-large"
    /// Aliases expand beyond `YAMLLimits.maxExpandedNodes` (alias bomb).
    public static let aliasExpansion = "cluster.yaml.alias-expansion"
    /// Collections nest deeper than `YAMLLimits.maxDepth`.
    public static let depth = "cluster.yaml.depth"
    /// A value of the wrong kind: a list where a string belongs, `abc` for a port.
    public static let type = "cluster.yaml.type"
    /// A key the format does not have.
    public static let unknownKey = "cluster.yaml.unknown-key"
    /// The same key twice in one mapping.
    public static let duplicateKey = "cluster.yaml.duplicate-key"
    /// A required key is absent.
    public static let missingKey = "cluster.yaml.missing-key"
    /// A YAML tag (`!foo`) the format does not understand.
    public static let tag = "cluster.yaml.tag"
}
