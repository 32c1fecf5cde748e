/// Stable ids of what reading a unit file reports.
public enum SystemdRuleID {
    /// A line systemd would ignore with a warning (no `=`, outside a section).
    public static let syntax = "systemd.syntax"
    /// An `Exec*=` line systemd would refuse (unbalanced quote, bad escape).
    public static let execLine = "systemd.exec-line"
    /// A `%` specifier systemd does not know.
    public static let specifier = "systemd.specifier"
}
