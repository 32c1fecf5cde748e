import Diagnostics

/// `lxml_get_envvar`: a name that is non-empty and has no `=`
/// (`Invalid environment variable "%s".`), and not in the `SMF_` namespace
/// svc.startd sets itself (`…; "SMF_" prefix is reserved.`).
public struct EnvironmentVariableRule: SemanticRule {
    public static let id = "smf.method.envvar"
    public static let summary = "envvar names are non-empty, contain no '=', and do not start with SMF_"
    /// Per svccfg command (`.loading`): `lxml_get_envvar`: `uu_die`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            let contexts = [entity.entity.methodContext] + entity.entity.execMethods.map(\.methodContext)
            return contexts.compactMap { $0 }.flatMap { context in
                (context.environment ?? []).compactMap { variable in
                    if variable.name.isEmpty || variable.name.contains("=") {
                        return diagnostic("Invalid environment variable \"\(variable.name)\".",
                                          at: variable.location, in: document)
                    }
                    if variable.name.hasPrefix("SMF_") {
                        return diagnostic("Invalid environment variable \"\(variable.name)\"; \"SMF_\" prefix is "
                            + "reserved.", at: variable.location, in: document)
                    }
                    return nil
                }
            }
        }
    }
}
