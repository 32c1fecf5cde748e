import Diagnostics

/// A semantic rule: one check svccfg makes beyond the DTD (smf.md §4, §8).
///
/// Each rule is one type with a stable id, a one-line summary, and a check
/// that returns every problem it finds in one bundle (never only the first).
/// Rules see the model with locations, and the element tree for anything the
/// model does not carry. Add a rule by writing the type and listing it in
/// `RuleRegistry.all`.
public protocol BundleRule: Sendable {
    /// Stable, e.g. `smf.value.boolean`; users and tests key on it.
    static var id: String { get }
    /// One line for `--list-rules`.
    static var summary: String { get }
    /// What each svccfg command does with what the rule finds (`--as`). The
    /// rule's doc comment cites the source lines that decide it.
    static var verdicts: RuleVerdicts { get }
    func check(_ bundle: ServiceBundle, in context: RuleContext) -> [Diagnostic]
}

/// What a rule may know besides the bundle.
public struct RuleContext: Sendable {
    /// The file, for locations of whole-file problems.
    public var path: String
    /// The whole document: DOCTYPE and element tree (DTD defaults filled in).
    public var document: SMFDocument
    /// The operation whose rules apply: `validate`/`import` for manifests,
    /// `apply` for profiles (smf.md §4.1). Set from the root bundle's type,
    /// or from the command under `--as`.
    public var operation: Operation
    /// The verdict asked for: the union, or one svccfg command's.
    public var mode: ValidationMode
    /// Work the semantic rules share for this file, done once.
    public let facts = SharedFacts()

    public enum Operation: String, Hashable, Sendable {
        case importManifest = "import"
        case applyProfile = "apply"
    }

    public init(path: String, document: SMFDocument, operation: Operation, mode: ValidationMode = .union) {
        self.path = path
        self.document = document
        self.operation = operation
        self.mode = mode
    }

    /// The bundle type the command asked for requires, nil for the union
    /// (which takes manifests and profiles alike).
    public var requiredBundleType: BundleType? {
        if case .command(let command) = mode { return command.bundleType }
        return nil
    }
}
