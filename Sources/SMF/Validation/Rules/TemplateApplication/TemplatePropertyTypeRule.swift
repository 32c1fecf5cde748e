import Diagnostics

/// The manifest's own templates: a property's type is the prop_pattern's or
/// a descendant (`scf_is_compatible_type`).
public struct TemplatePropertyTypeRule: TemplateFindingRule {
    public static let id = "smf.template.prop-type"
    public static let summary = "properties have a type compatible with their prop_pattern's type"
    let kinds: Set<TemplateFinding.Kind> = [.propertyType, .invalidPatternType]
    let levels = ownTemplateLevels
    /// Per svccfg command (`.template`): `tmpl_validate_bundle` → `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}
}
