import Diagnostics

/// `smfkit check a.yaml b.yaml …`: each definition checked on its own, then
/// the rules over them together (`DefinitionChecker.checkTogether`).
public struct CheckedDefinitions: Sendable {
    /// One per definition, in the order given.
    public var each: [CheckedDefinition]
    /// What only the definitions together show (`cluster.etcd.shared-scope`).
    public var together: [Diagnostic]

    /// Every definition's problems, then those of them together.
    public var diagnostics: [Diagnostic] { each.flatMap(\.diagnostics) + together }

    /// Whether the check fails: an error anywhere, or with `strict` a warning.
    public func fails(strict: Bool) -> Bool {
        each.contains { !$0.isValid } || together.hasErrors
            || (strict && diagnostics.contains { $0.severity == .warning })
    }
}

extension DefinitionChecker {
    /// Loads and checks each of `paths`, then all of them together. Throws
    /// what the loader throws for a file it cannot read.
    public static func check(paths: [String], templates: TemplateSet = .standard) throws -> CheckedDefinitions {
        let each = try paths.map { check(try DefinitionLoader.load(path: $0), templates: templates) }
        return CheckedDefinitions(each: each, together: checkTogether(each))
    }
}
