import Diagnostics

/// One lint rule: a stable id, a one-line summary, and a check over one
/// parsed document. Each rule mirrors a check Tribblix (or pkgmk/pkgadd)
/// applies, named in its doc comment.
protocol DescriptorRule<Document>: Sendable {
    associatedtype Document
    var id: String { get }
    var summary: String { get }
    func check(_ document: Document) -> [Diagnostic]
}

extension DescriptorRule {
    func error(_ message: String, in path: String, line: Int, column: Int = 1) -> Diagnostic {
        .error(message, rule: id, at: SourceLocation(file: path, line: line, column: column))
    }

    func warning(_ message: String, in path: String, line: Int, column: Int = 1) -> Diagnostic {
        .warning(message, rule: id, at: SourceLocation(file: path, line: line, column: column))
    }
}

/// A rule's id and summary, for `--list-rules` and the fixture test.
public struct LintRuleDescription: Hashable, Sendable {
    public let id: String
    public let summary: String
    public let kind: DescriptorKind
}

/// Rules of one descriptor kind with the parser their documents come from.
struct RuleSet<Document>: Sendable {
    let kind: DescriptorKind
    let parse: @Sendable (String, String) -> Document
    let rules: [any DescriptorRule<Document>]

    func lint(text: String, path: String) -> [Diagnostic] {
        let document = parse(text, path)
        return rules.flatMap { $0.check(document) }
    }

    var descriptions: [LintRuleDescription] {
        rules.map { LintRuleDescription(id: $0.id, summary: $0.summary, kind: kind) }
    }
}
