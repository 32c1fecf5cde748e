import Diagnostics

/// The manifest's own templates: a matched group has the pattern's type.
public struct TemplateGroupTypeRule: TemplateFindingRule {
    public static let id = "smf.template.pg-type"
    public static let summary = "property groups have the type of the manifest's pg_pattern that matches them"
    let kinds: Set<TemplateFinding.Kind> = [.propertyGroupType, .missingGroupType]
    let levels = ownTemplateLevels
    /// Per svccfg command (`.template`): `tmpl_validate_bundle` → `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}
}
