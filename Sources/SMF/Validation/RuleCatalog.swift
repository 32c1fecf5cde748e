/// Every rule id `smfkit validate` can report, with one line on what it
/// checks and its verdict under each svccfg command: the document-level
/// checks that run before any rule, then the rules of `RuleRegistry` in
/// order. Feeds `--list-rules` and `ValidationMode.resolve`.
public enum RuleCatalog {
    public struct Entry: Hashable, Sendable {
        public var id: String
        public var summary: String
        public var verdicts: RuleVerdicts
    }

    /// The checks of the loading and DTD stage (`Validator`, `DocumentLoader`).
    /// All of them are `lxml_get_bundle_file`'s, so fatal to every command
    /// (`RuleVerdicts.loading`), except the whole-document DTD findings in a
    /// profile, which `svccfg apply` never computes ("Until libxml2 addresses
    /// DTD-based validation with XInclude, we don't validate service
    /// profiles") but validate and import, which validate every document, do.
    public static let documentChecks: [Entry] = [
        Entry(id: DocumentRuleID.unreadable, summary: "the file can be read", verdicts: .loading),
        Entry(id: DocumentRuleID.wellFormed, summary: "the file is well-formed XML", verdicts: .loading),
        Entry(id: DocumentRuleID.entity, summary: "every entity referenced is declared where smfkit reads it "
            + "(external entities are never read)", verdicts: .loading),
        Entry(id: DocumentRuleID.entityExpansion, summary: "internal-entity references expand to at most "
            + "\(EntityExpansion.allowance) bytes + \(EntityExpansion.factor) × the file's size in all",
              verdicts: .loading),
        Entry(id: DocumentRuleID.doctype, summary: "the DOCTYPE names \(SMF.dtdSystemID)", verdicts: .loading),
        Entry(id: DocumentRuleID.root, summary: "the root element is service_bundle", verdicts: .loading),
        Entry(id: DocumentRuleID.dtd, summary: "a manifest is valid against the SMF DTD", verdicts: .loading),
        Entry(id: DocumentRuleID.dtdProfile, summary: "what the DTD finds in a profile (warning: svccfg apply does not "
            + "DTD-validate profiles)",
            verdicts: RuleVerdicts(validate: .error, import: .error, importStrict: .error, apply: .notChecked)),
        Entry(id: DocumentRuleID.dtdApply, summary: "the profile elements svccfg apply validates one by one "
            + "(exec_method, dependency, dependent, stability, notification type) are valid", verdicts: .loading),
        Entry(id: DocumentRuleID.dtdUnusable, summary: "the DTD in use parses", verdicts: .loading),
    ]

    public static var all: [Entry] {
        documentChecks + RuleRegistry.all.map {
            Entry(id: type(of: $0).id, summary: type(of: $0).summary, verdicts: type(of: $0).verdicts)
        }
    }

    /// The verdicts of the document checks and of `rules`, by id.
    static func verdictsByID(_ rules: [any BundleRule]) -> [String: RuleVerdicts] {
        Dictionary(documentChecks.map { ($0.id, $0.verdicts) } + rules.map { (type(of: $0).id, type(of: $0).verdicts) },
                   uniquingKeysWith: { first, _ in first })
    }
}
