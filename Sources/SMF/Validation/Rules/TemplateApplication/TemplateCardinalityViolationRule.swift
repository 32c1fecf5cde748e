import Diagnostics

/// The manifest's own templates: the number of values is within the
/// prop_pattern's cardinality.
public struct TemplateCardinalityViolationRule: TemplateFindingRule {
    public static let id = "smf.template.value-count"
    public static let summary = "the number of a property's values is within its prop_pattern's cardinality"
    let kinds: Set<TemplateFinding.Kind> = [.cardinality]
    let levels = ownTemplateLevels
    /// Per svccfg command (`.template`): `tmpl_validate_bundle` → `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}
}
