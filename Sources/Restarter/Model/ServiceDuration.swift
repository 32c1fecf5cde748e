/// What constitutes a running instance (`startd/duration`, read by
/// `libscf_get_startd_properties`; `RINST_CONTRACT`, `RINST_TRANSIENT`,
/// `RINST_WAIT` in startd.h).
public enum ServiceDuration: String, Codable, Sendable {
    /// The default: the processes the start method leaves behind (its
    /// contract) are the service; it lives while any of them does.
    case contract
    /// "wait" style: the start method's own process is the service.
    case child
    /// The start method does the work; nothing stays running.
    case transient

    /// `contract` also for the old spelling `daemon` and anything unknown,
    /// as libscf.c does (only `transient` and `child`/`wait` are special).
    public init(property: String?) {
        switch property {
        case "transient": self = .transient
        case "child", "wait": self = .child
        default: self = .contract
        }
    }
}
