import Diagnostics

/// The manifest's own templates: values meet the constraints (values and
/// ranges).
public struct TemplateConstraintRule: TemplateFindingRule {
    public static let id = "smf.template.constraint"
    public static let summary = "property values meet their prop_pattern's constraints (values, ranges)"
    let kinds: Set<TemplateFinding.Kind> = [.constraint, .range, .conversion, .invalidTemplate]
    let levels = ownTemplateLevels
    /// Per svccfg command (`.template`): `tmpl_validate_bundle` → `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}
}
