import Diagnostics

/// `lxml_get_bundle`: a bundle needs a non-empty name
/// (`service bundle lacks name attribute`).
public struct BundleNameRule: SemanticRule {
    public static let id = "smf.bundle.name"
    public static let summary = "every service_bundle has a non-empty name"
    /// Per svccfg command (`.loading`): `lxml_get_bundle`: `semerr` and `return (-1)` to `lxml_get_bundle_file`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func visit(_ bundle: ServiceBundle) {
            if bundle.name.isEmpty {
                found.append(diagnostic("service bundle lacks name attribute", at: bundle.location, in: document))
            }
            bundle.bundles.forEach(visit)
        }
        visit(document.bundle)
        return found
    }
}
