import Diagnostics

/// The global templates (`global.xml`, target `all`): `general/enabled`,
/// and dependency groups with at least one entity, `type` service or path,
/// and valid `grouping` and `restart_on`.
public struct GlobalTemplateRule: TemplateFindingRule {
    public static let id = "smf.global.template"
    public static let summary = "instances have general/enabled; dependencies have >=1 entity, type service|path, "
        + "valid grouping/restart_on"
    let kinds = Set(TemplateFinding.Kind.allCases)
    let levels: Set<TemplateLevel> = [.global]
    /// Per svccfg command (`.template`): `tmpl_validate_bundle` → `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}
}
