import Diagnostics

/// The manifest's own templates: required prop_patterns are present.
public struct TemplateRequiredPropertyRule: TemplateFindingRule {
    public static let id = "smf.template.required-property"
    public static let summary = "properties of required prop_patterns are present in matched groups"
    let kinds: Set<TemplateFinding.Kind> = [.requiredProperty]
    let levels = ownTemplateLevels
    /// Per svccfg command (`.template`): `tmpl_validate_bundle` → `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}
}
