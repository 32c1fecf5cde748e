import Diagnostics

/// svc.startd's token grammar (`expand.c`): svccfg stores `exec` unchecked,
/// so a bad token is found only when the method runs and fails (`unknown
/// method token`, `parse error` for an unclosed `%{`). Only svc.startd
/// expands tokens, so only the methods of instances it runs are linted.
public struct MethodTokenSyntaxRule: SemanticRule {
    public static let id = "smf.method.token"
    public static let summary = "exec strings use only %%, %r, %m, %s, %i, %f and closed %{…} tokens (lint)"
    public static let severity = Diagnostic.Severity.warning
    /// Per svccfg command (`.lint`): svccfg stores `exec` unchecked; svc.startd fails the method at run time.
    public static let verdicts = RuleVerdicts.lint
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        // The instances of a service share its method lines: each is
        // tokenized once.
        var errorByExec: [String: MethodTokenError?] = [:]
        func tokenizingError(_ text: String) -> MethodTokenError? {
            if let known = errorByExec[text] { return known }
            let error: MethodTokenError? = if case .failure(let error) = MethodTokens.tokenize(text) { error } else { nil }
            errorByExec[text] = .some(error)
            return error
        }
        for composed in document.composedInstances where composed.isDelegatedToStartd {
            for group in composed.view.groups(ofType: "method") {
                guard let exec = group[property: "exec"], let text = exec.values.first?.text,
                      SpecialMethod(exec: text) == nil,
                      let error = tokenizingError(text) else { continue }
                let message = switch error {
                case .unknownToken(let character, _):
                    "unknown method token \"%\(character)\" in exec of method '\(group.name)'; svc.startd will fail "
                        + "the method (write %% for a literal %)"
                case .unterminatedProperty:
                    "\"%{\" without a closing \"}\" in exec of method '\(group.name)'; svc.startd will fail the "
                        + "method with a parse error"
                }
                let diagnostic = diagnostic(message, at: exec.location, in: document)
                if reported.insert(diagnostic.description).inserted { found.append(diagnostic) }
            }
        }
        return found
    }
}
