import Diagnostics

/// A rule that reports some of the findings of template validation
/// (`TemplateValidator`): which kinds, from which template levels.
protocol TemplateFindingRule: SemanticRule {
    var kinds: Set<TemplateFinding.Kind> { get }
    var levels: Set<TemplateLevel> { get }
}

extension TemplateFindingRule {
    /// svccfg validates templates per instance of a manifest; a service
    /// without instances is not validated, and `svccfg apply` validates no
    /// templates (`SemanticDocument.templateFindings`).
    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.templateFindings
            .filter { kinds.contains($0.kind) && levels.contains($0.level) }
            .map { diagnostic($0.message, at: $0.location, in: document) }
    }
}

/// The levels of the manifest's own templates.
let ownTemplateLevels: Set<TemplateLevel> = [.instance, .service]
