import Diagnostics

/// `lxml_get_instance`: a manifest's instance says whether it is enabled
/// (`Instance "%s" missing attribute "enabled".`), and only with `true` or
/// `false` (`Invalid enabled value`). A profile may leave it out.
public struct InstanceEnabledRule: SemanticRule {
    public static let id = "smf.instance.enabled"
    public static let summary = "manifest instances have enabled='true'|'false' (profiles may omit it)"
    /// Per svccfg command (`.loading`): `lxml_get_instance`: `semerr` and `return (-1)`, returned by
    /// `lxml_get_service`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.services.flatMap { (service) -> [Diagnostic] in
            // create_default_instance takes anything but "true" as false
            // (`lxml_get_default_instance`); only <instance> is checked.
            service.instances.compactMap { instance in
                switch instance.enabled {
                case "true", "false":
                    return nil
                case nil:
                    return document.isProfile ? nil
                        : diagnostic("Instance \"\(instance.name)\" missing attribute \"enabled\".",
                                     at: instance.location, in: document)
                case let value?:
                    return diagnostic("Invalid enabled value \"\(value)\" for instance \"\(instance.name)\"",
                                      at: instance.location, in: document)
                }
            }
        }
    }
}
