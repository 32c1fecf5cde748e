/// Every rule id `smfkit validate` can report, with one line on what it
/// checks: the document-level checks that run before any rule, then the
/// rules of `RuleRegistry` in order. Feeds `--list-rules`.
public enum RuleCatalog {
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var summary: String
    }

    /// The checks of the loading and DTD stage (`Validator`, `DocumentLoader`).
    public static let documentChecks: [Entry] = [
        Entry(id: RuleID.unreadable, summary: "the file can be read"),
        Entry(id: RuleID.wellFormed, summary: "the file is well-formed XML"),
        Entry(id: RuleID.doctype, summary: "the DOCTYPE names \(SMF.dtdSystemID)"),
        Entry(id: RuleID.root, summary: "the root element is service_bundle"),
        Entry(id: RuleID.dtd, summary: "a manifest is valid against the SMF DTD"),
        Entry(id: RuleID.dtdProfile, summary: "what the DTD finds in a profile (warning: svccfg apply does not "
            + "DTD-validate profiles)"),
        Entry(id: RuleID.dtdUnusable, summary: "the DTD in use parses"),
    ]

    public static var all: [Entry] {
        documentChecks + RuleRegistry.all.map { Entry(id: type(of: $0).id, summary: type(of: $0).summary) }
    }
}
