import Diagnostics

/// `lxml_get_notification_parameters`, `check_tokens`: one `<event>`, whose
/// comma-separated tokens are all valid (`Invalid input.`) and either all SMF
/// transitions or all FMA classes (`Can't mix SMF and FMA event definitions`).
/// Tokens are `strtok_r` fields (`tokenize`): empty fields are skipped, and
/// an event with no token at all is `INVALID_TOKENS` (`check_tokens` ends
/// `return (INVALID_TOKENS)` when it saw neither kind). An FMA class becomes
/// the group `<class>,fmnotify`, built with `snprintf(pgname,
/// max_scf_name_len + 1, …)`: `event name too long` (`uu_die`) past 119 bytes.
public struct NotificationEventRule: SemanticRule {
    public static let id = "smf.notification.event"
    public static let summary = "notification_parameters have one event of valid, unmixed SMF or FMA tokens"
    /// Per svccfg command (`.loading`): `lxml_get_notification_parameters`: `uu_die` for more than one `event` and
    /// for `INVALID_TOKENS`; `MIXED_TOKENS` is `semerr` and `goto out` with `r = -1`, which
    /// `lxml_get_service`/`lxml_get_instance` return (`if (… != 0) return (-1)`).
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        document.entities.flatMap { (entity) -> [Diagnostic] in
            entity.entity.notificationParameters.flatMap { parameters -> [Diagnostic] in
                if parameters.events.count > 1 {
                    return [diagnostic("Can't have more than 1 element event in a notification parameter",
                                       at: parameters.events[1].location, in: document)]
                }
                guard let event = parameters.events.first else { return [] }
                if NotificationEvents.tokens(of: event.value).isEmpty {
                    return [diagnostic("Invalid input. \"\(event.value)\" has no event token", at: event.location,
                                       in: document)]
                }
                let kinds = NotificationEvents.tokens(of: event.value).map { NotificationEvents.kind(of: $0) }
                if let bad = zip(NotificationEvents.tokens(of: event.value), kinds).first(where: { $0.1 == nil }) {
                    return [diagnostic("Invalid input. \"\(bad.0)\" is not an SMF transition or FMA event in "
                        + "\"\(event.value)\"", at: event.location, in: document)]
                }
                if Set(kinds.compactMap { $0 }).count > 1 {
                    return [diagnostic("Can't mix SMF and FMA event definitions in \"\(event.value)\"",
                                       at: event.location, in: document)]
                }
                // Each FMA class names a property group: at most 119 bytes.
                return NotificationEvents.tokens(of: event.value).compactMap { token in
                    let group = NotificationEvents.fmaGroupName(of: token)
                    guard NotificationEvents.kind(of: token) == .fma, !SMFName.fitsLength(group) else { return nil }
                    return diagnostic("event name too long: \(token) (property group \(group) is "
                        + "\(group.utf8.count) bytes)", at: event.location, in: document)
                }
            }
        }
    }
}
