import Diagnostics

/// A profile may not carry templates (`lxml_get_template`: `Template data for
/// "%s" may not be modified in a profile.`).
public struct ProfileTemplateRule: SemanticRule {
    public static let id = "smf.profile.template"
    public static let summary = "profiles carry no <template>"
    /// Per svccfg command (`.loading`): `lxml_get_service`/`lxml_get_instance`: `semerr` and `return (-1)`, which
    /// reaches `lxml_get_bundle_file`: the profile is not applied.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        guard document.isProfile else { return [] }
        return document.entities.compactMap { entity in
            guard let template = entity.entity.template else { return nil }
            return diagnostic("Template data for \"\(entity.name)\" may not be modified in a profile.",
                              at: template.location, in: document)
        }
    }
}
