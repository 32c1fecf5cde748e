import Diagnostics

/// The manifest's own templates: required pg_patterns are present in every
/// instance's composed view.
public struct TemplateRequiredGroupRule: TemplateFindingRule {
    public static let id = "smf.template.required-pg"
    public static let summary = "property groups of required pg_patterns are present in each instance"
    let kinds: Set<TemplateFinding.Kind> = [.requiredPropertyGroup]
    let levels = ownTemplateLevels
    /// Per svccfg command (`.template`): `tmpl_validate_bundle` → `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}
}
