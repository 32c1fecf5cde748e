import Diagnostics

/// svc.startd's templates (`restarter.xml`, target `delegate`): every
/// instance it runs has `start` and `stop` method groups with `exec`,
/// `type=method` and `timeout_seconds`, and a valid `startd/duration`.
public struct StartdTemplateRule: TemplateFindingRule {
    public static let id = "smf.startd.template"
    public static let summary = "instances run by svc.startd have start and stop methods (exec, type=method, "
        + "timeout_seconds) and valid startd properties"
    let kinds = Set(TemplateFinding.Kind.allCases)
    let levels: Set<TemplateLevel> = [.restarter]
    /// Per svccfg command (`.template`): `tmpl_validate_bundle` → `TVS_VALIDATION`.
    public static let verdicts = RuleVerdicts.template
    public init() {}
}
