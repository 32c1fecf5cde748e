import Diagnostics

/// `:kill` signals the processes of the instance's contract; a transient
/// service (`startd/duration=transient`) has none, so the method fails at
/// run time.
public struct KillOnTransientRule: SemanticRule {
    public static let id = "smf.method.kill-transient"
    public static let summary = ":kill is not used by a transient service (lint)"
    public static let severity = Diagnostic.Severity.warning
    /// Per svccfg command (`.lint`): svccfg stores `exec` unchecked; the method fails at run time.
    public static let verdicts = RuleVerdicts.lint
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        var found: [Diagnostic] = []
        for composed in document.composedInstances where composed.isDelegatedToStartd {
            guard composed.view.group(named: "startd")?[property: "duration"]?.values.first?.text == "transient" else {
                continue
            }
            for group in composed.view.groups(ofType: "method") {
                guard let exec = group[property: "exec"], let text = exec.values.first?.text,
                      case .kill = SpecialMethod(exec: text) else { continue }
                found.append(diagnostic("method '\(group.name)' of \(composed.fmri) is \"\(text)\", but the "
                    + "service is transient and has no contract to signal", at: exec.location, in: document))
            }
        }
        return found
    }
}
