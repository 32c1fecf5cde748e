import Diagnostics

/// svc.startd runs a method as `/sbin/sh -c "exec METHOD"` (`method.c:
/// exec_method`), so an exec string is one simple command: a leading `exec`
/// makes the shell look for a program named `exec`, and of several commands
/// joined by `;`, `&&`, `||` or a newline only the first runs — the shell is
/// replaced by it. svccfg stores the string unchecked; this is a lint.
public struct ExecLineRule: SemanticRule {
    public static let id = "smf.method.exec-line"
    public static let summary = "an exec string is one simple command, since svc.startd prefixes it with 'exec' (lint)"
    public static let severity = Diagnostic.Severity.warning
    /// Per svccfg command (`.lint`): svccfg stores `exec` unchecked.
    public static let verdicts = RuleVerdicts.lint
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        var found: [Diagnostic] = []
        var seen = Set<String>()
        // The instances of a service share its method lines: each is read once.
        var problemByExec: [String: String?] = [:]
        func problem(in text: String) -> String? {
            if let known = problemByExec[text] { return known }
            let problem = SpecialMethod(exec: text) == nil ? Self.problem(in: text) : nil
            problemByExec[text] = .some(problem)
            return problem
        }
        for composed in document.composedInstances where composed.isDelegatedToStartd {
            for group in composed.view.groups(ofType: "method") {
                guard let exec = group[property: "exec"], let text = exec.values.first?.text,
                      let problem = problem(in: text)
                else { continue }
                // Reported once per written exec, not once per instance.
                let key = "\(exec.location?.line ?? 0):\(group.name)"
                guard seen.insert(key).inserted else { continue }
                found.append(diagnostic("method '\(group.name)' runs as `exec \(text)`: \(problem); "
                    + "put several commands in a method script", at: exec.location, in: document))
            }
        }
        return found
    }

    /// What is wrong with `exec` as the body of `exec …`, or nil.
    static func problem(in exec: String) -> String? {
        let trimmed = exec.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix("exec ") || trimmed == "exec" {
            return "the leading 'exec' makes the shell look for a program named exec"
        }
        var quote: Character?
        var escaped = false
        var previous: Character?
        for character in exec {
            defer { previous = character }
            if escaped { escaped = false; continue }
            if character == "\\" && quote != "'" { escaped = true; continue }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"": quote = character
            case ";", "\n": return "only the command before '\(character == "\n" ? "newline" : ";")' runs"
            case "&" where previous == "&": return "only the command before '&&' runs"
            case "|" where previous == "|": return "only the command before '||' runs"
            default: break
            }
        }
        return nil
    }
}
