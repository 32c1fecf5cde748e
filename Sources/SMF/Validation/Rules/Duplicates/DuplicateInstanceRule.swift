import Diagnostics

/// `internal_attach_entity`: `Multiple definitions of entity %s in service %s.`
/// `<create_default_instance>` creates `default`, so it and an
/// `<instance name='default'>` are a duplicate too.
public struct DuplicateInstanceRule: SemanticRule {
    public static let id = "smf.duplicate.instance"
    public static let summary = "no instance is defined twice in a service (create_default_instance counts as 'default')"
    /// Per svccfg command (`.loading`): `internal_attach_entity`: `semerr`, `return (-1)`; `lxml_get_instance`
    /// returns it (`if (r != 0) return (r)`).
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.services.flatMap { (service) -> [Diagnostic] in
            var seen: Set<String> = []
            return service.effectiveInstances.compactMap { (instance) -> Diagnostic? in
                guard !seen.insert(instance.name).inserted else { return nil }
                return diagnostic("Multiple definitions of entity \(instance.name) in service \(service.name).",
                                  at: instance.location, in: document)
            }
        }
    }
}
