import Diagnostics

/// Instance names satisfy `UU_NAME_DOMAIN`. svccfg validate misses this;
/// import refuses it when svc.configd creates the instance
/// (`Invalid instance name "%s".`).
public struct InstanceNameRule: SemanticRule {
    public static let id = "smf.name.instance"
    public static let summary = "instance names satisfy uu_check_name with UU_NAME_DOMAIN (checked at import)"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.services.flatMap { (service) -> [Diagnostic] in
            service.instances.compactMap { instance in
                SMFName.isValid(instance.name, as: .domain) ? nil
                    : diagnostic("Invalid instance name \"\(instance.name)\" in service \(service.fmri).",
                                 at: instance.location, in: document)
            }
        }
    }
}
