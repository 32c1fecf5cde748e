/// Rule ids of the problems of a template directory. docs/templates.md
/// lists them; tests and users key on them.
public enum TemplateRule {
    /// libyaml rejected the file.
    public static let syntax = "template.yaml.syntax"
    /// A value of the wrong kind: a string where a list belongs.
    public static let type = "template.yaml.type"
    public static let unknownKey = "template.yaml.unknown-key"
    public static let duplicateKey = "template.yaml.duplicate-key"
    public static let missingKey = "template.yaml.missing-key"
    /// A value outside its vocabulary: a stack, role, duration, grouping,
    /// restart_on or SMF type that does not exist.
    public static let value = "template.value"
    /// A dependency's FMRI that SMF would not parse.
    public static let fmri = "template.fmri"
    /// A listener naming a key that is not a port (or an address).
    public static let listener = "template.listener"
    /// A `{{name}}` the template context does not have.
    public static let unknownName = TemplateNameCheck.rule
    /// A companion file naming a text template that is not in files/.
    public static let missingFile = "template.file.missing"
    /// A value shared by every node that names the node (`{{node.name}}`
    /// without `per_node: true`).
    public static let perNode = "template.per-node"
    /// A mode that is not an octal permission.
    public static let mode = "template.mode"
    /// Two templates of one kind or one SMF service, a folder that cannot be read.
    public static let set = "template.set"

    public static let all = [syntax, type, unknownKey, duplicateKey, missingKey, value, fmri, listener, unknownName,
                             missingFile, perNode, mode, set]
}
