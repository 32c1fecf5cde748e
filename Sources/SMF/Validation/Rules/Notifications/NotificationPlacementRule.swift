import Diagnostics

/// `lxml_get_notification_parameters`: FMA events belong to
/// `svc:/system/fm/notify-params:default` only; SMF transitions may not be
/// set on the global service.
public struct NotificationPlacementRule: SemanticRule {
    public static let id = "smf.notification.placement"
    public static let summary = "FMA events only on system/fm/notify-params:default; SMF events not on the global service"
    /// Per svccfg command (`.loading`): `lxml_get_notification_parameters`: `semerr`, `goto out` with `r = -1`,
    /// returned by `lxml_get_service`/`lxml_get_instance`.
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.entity.notificationParameters.compactMap { parameters in
                guard let event = parameters.events.first else { return nil }
                let kinds = Set(NotificationEvents.tokens(of: event.value).compactMap(NotificationEvents.kind))
                if kinds.contains(.fma), entity.fmri != "svc:/system/fm/notify-params:default" {
                    return diagnostic("Non-SMF transition events must go to svc:/system/fm/notify-params:default",
                                      at: event.location, in: document)
                }
                if kinds.contains(.smf), entity.instance == nil, entity.service.name == BuiltinTemplates.globalServiceName {
                    return diagnostic("Can't set events for global service", at: event.location, in: document)
                }
                return nil
            }
        }
    }
}
