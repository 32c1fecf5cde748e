/// Every semantic rule the validator runs, in the order they run. The
/// document-level checks (well-formedness, DOCTYPE, root, DTD) are not listed
/// here: they run before any rule (see `Validator`) and use the ids in
/// `RuleID`.
public enum RuleRegistry {
    public static let all: [any BundleRule] = []
}
