import Diagnostics

/// `internal_attach_service`: `Multiple definitions for service %s in bundle %s.`
public struct DuplicateServiceRule: SemanticRule {
    public static let id = "smf.duplicate.service"
    public static let summary = "no service is defined twice in a bundle"
    /// Per svccfg command (`.loading`): `internal_attach_service`: `semerr`, `return (-1)` through
    /// `lxml_get_service` and `lxml_get_bundle`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        var seen: Set<String> = []
        return document.services.compactMap { service in
            guard !seen.insert(service.name).inserted else { return nil }
            return diagnostic("Multiple definitions for service \(service.name) in bundle \(document.bundle.name).",
                              at: service.location, in: document)
        }
    }
}
