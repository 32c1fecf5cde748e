/// The special whole-string `exec` values (`restarter_is_null_method`,
/// `restarter_is_kill_method`).
public enum SpecialMethod: Hashable, Sendable {
    case `true`
    /// `:kill` with an optional `-SIG`.
    case kill(signal: String?)

    public init?(exec: String) {
        if exec == ":true" {
            self = .true
            return
        }
        guard exec.hasPrefix(":kill") else { return nil }
        let rest = exec.dropFirst(":kill".count)
        if rest.isEmpty {
            self = .kill(signal: nil)
            return
        }
        // `:kill -SIG`; whitespace between is allowed, `:kill_process` is inetd's.
        let signal = rest.drop(while: { $0 == " " || $0 == "\t" })
        guard signal.hasPrefix("-") else { return nil }
        self = .kill(signal: String(signal.dropFirst()))
    }
}
