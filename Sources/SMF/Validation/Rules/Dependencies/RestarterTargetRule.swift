import Diagnostics

/// A restarter FMRI that parses but names no service or instance (`svc:`, a
/// property group, a `file:` FMRI) is stored without complaint, but
/// svc.startd cannot hand the instance to it, and template validation finds
/// no restarter templates for it. A lint: svccfg refuses nothing.
public struct RestarterTargetRule: SemanticRule {
    public static let id = "smf.restarter.target"
    public static let summary = "a restarter's service_fmri names a service or instance"
    public static let severity = Diagnostic.Severity.warning
    /// Per svccfg command (`.lint`): `scf_parse_fmri` accepts it, so neither loading nor svc.configd refuses it.
    public static let verdicts = RuleVerdicts.lint
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.restarters.compactMap { entity, restarter in
            guard case .success(let fmri) = FMRI.parse(restarter.value), !fmri.namesServiceOrInstance else {
                return nil
            }
            return diagnostic("restarter FMRI \"\(restarter.value)\" of \(entity.fmri) does not name a service or "
                + "instance", at: restarter.location, in: document)
        }
    }
}
