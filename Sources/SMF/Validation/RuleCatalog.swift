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
        Entry(id: DocumentRuleID.unreadable, summary: "the file can be read"),
        Entry(id: DocumentRuleID.wellFormed, summary: "the file is well-formed XML"),
        Entry(id: DocumentRuleID.entity, summary: "every entity referenced is declared where smfkit reads it "
            + "(external entities are never read)"),
        Entry(id: DocumentRuleID.entityExpansion, summary: "internal-entity references expand to at most "
            + "\(EntityExpansion.allowance) bytes + \(EntityExpansion.factor) × the file's size in all"),
        Entry(id: DocumentRuleID.doctype, summary: "the DOCTYPE names \(SMF.dtdSystemID)"),
        Entry(id: DocumentRuleID.root, summary: "the root element is service_bundle"),
        Entry(id: DocumentRuleID.dtd, summary: "a manifest is valid against the SMF DTD"),
        Entry(id: DocumentRuleID.dtdProfile, summary: "what the DTD finds in a profile (warning: svccfg apply does not "
            + "DTD-validate profiles)"),
        Entry(id: DocumentRuleID.dtdApply, summary: "the profile elements svccfg apply validates one by one "
            + "(exec_method, dependency, dependent, stability, notification type) are valid"),
        Entry(id: DocumentRuleID.dtdUnusable, summary: "the DTD in use parses"),
    ]

    public static var all: [Entry] {
        documentChecks + RuleRegistry.all.map { Entry(id: type(of: $0).id, summary: type(of: $0).summary) }
    }
}
