import Diagnostics

/// svc.startd's token grammar (`expand.c`); svccfg stores `exec` unchecked,
/// so a bad token is found only when the method runs and fails
/// (`unknown method token`, `parse error` for an unclosed `%{`).
public struct MethodTokenSyntaxRule: SemanticRule {
    public static let id = "smf.method.token"
    public static let summary = "exec strings use only %%, %r, %m, %s, %i, %f and closed %{…} tokens (lint)"
    public static let severity = Diagnostic.Severity.warning
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.entity.execMethods.compactMap { method in
                guard SpecialMethod(exec: method.exec) == nil,
                      case .failure(let error) = MethodTokens.tokenize(method.exec) else { return nil }
                switch error {
                case .unknownToken(let character, _):
                    return diagnostic("unknown method token \"%\(character)\" in exec of method '\(method.name)'; "
                        + "svc.startd will fail the method (write %% for a literal %)", at: method.location,
                        in: document)
                case .unterminatedProperty:
                    return diagnostic("\"%{\" without a closing \"}\" in exec of method '\(method.name)'; "
                        + "svc.startd will fail the method with a parse error", at: method.location, in: document)
                }
            }
        }
    }
}
