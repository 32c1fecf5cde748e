import Diagnostics

/// `general/restarter` is an fmri naming the restarter's service or
/// instance; template validation cannot find the restarter's templates
/// otherwise, and svc.startd cannot hand the instance to it.
public struct RestarterFMRIRule: SemanticRule {
    public static let id = "smf.restarter.fmri"
    public static let summary = "a restarter's service_fmri is an svc FMRI naming a service or instance"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.compactMap { entity in
            guard let restarter = entity.instance?.restarter ?? (entity.instance == nil ? entity.service.restarter : nil)
            else { return nil }
            if !restarter.value.hasPrefix("file:"), case .success(let parts) = FMRI.parseService(restarter.value),
               FMRI.service(parts).namesServiceOrInstance {
                return nil
            }
            return diagnostic("restarter FMRI \"\(restarter.value)\" of \(entity.fmri) does not name a service or "
                + "instance", at: restarter.location, in: document)
        }
    }
}
