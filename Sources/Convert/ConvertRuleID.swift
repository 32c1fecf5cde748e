/// Stable ids of what `smfkit convert` reports; users and tests key on them.
public enum ConvertRuleID {
    /// A directive (or a value of one) with no SMF equivalent: a warning.
    public static let unmapped = "convert.unmapped"
    /// A unit another unit names that neither illumos nor this run provides.
    public static let dependency = "convert.dependency"
    /// A template converted without any instance to run it as.
    public static let noInstance = "convert.no-instance"
    /// A unit that cannot be represented as an SMF service: an error.
    public static let refused = "convert.refused"

    static let all = [unmapped, dependency, noInstance, refused]
}
