import Diagnostics

/// A `%{pg/prop}` token names a property of the instance's composed view;
/// svc.startd fails the method otherwise (`property "%s" not found`). The
/// `restarter/…` properties exist only at run time, and a full FMRI may name
/// another entity, so neither is checked.
public struct MethodTokenPropertyRule: SemanticRule {
    public static let id = "smf.method.token-property"
    public static let summary = "%{pg/prop} tokens name a property the instance's composed view has (lint)"
    public static let severity = Diagnostic.Severity.warning
    /// Per svccfg command (`.lint`): svccfg stores `exec` unchecked; svc.startd fails the method at run time.
    public static let verdicts = RuleVerdicts.lint
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard !document.isProfile else { return [] }
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        // The instances of a service share its method lines: each is
        // tokenized once.
        var referencesByExec: [String: [PropertyReference]] = [:]
        func references(in text: String) -> [PropertyReference] {
            if let known = referencesByExec[text] { return known }
            var references: [PropertyReference] = []
            if case .success(let tokens) = MethodTokens.tokenize(text) {
                for case .property(let reference) in tokens { references.append(reference) }
            }
            referencesByExec[text] = references
            return references
        }
        for composed in document.composedInstances where composed.isDelegatedToStartd {
            for group in composed.view.groups(ofType: "method") {
                guard let exec = group[property: "exec"], let text = exec.values.first?.text else { continue }
                for reference in references(in: text) {
                    guard !reference.spec.contains("/:properties/"),
                          let (pgName, propName) = reference.propertyGroupAndName,
                          pgName != "restarter",
                          composed.view.property(propName, inGroup: pgName) == nil else { continue }
                    let message = "method '\(group.name)' of \(composed.fmri) uses %{\(reference.spec)}, but the "
                        + "instance has no property \(pgName)/\(propName); svc.startd will fail the method"
                    if reported.insert(message).inserted {
                        found.append(diagnostic(message, at: exec.location, in: document))
                    }
                }
            }
        }
        return found
    }
}
