/// The stable ids of the document-level checks (the semantic rules carry
/// their own, on their `BundleRule` types).
public enum DocumentRuleID {
    // What the ids cover:
    //   unreadable   the file cannot be read (exit status 2)
    //   wellFormed   not well-formed XML, empty, NUL bytes (svccfg: "couldn't parse document")
    //   entity       a reference to an entity declared nowhere smfkit reads (external entities are never read)
    //   entityExpansion  internal-entity references expand past the document's budget (linear in its size)
    //   doctype      no DOCTYPE, or not the canonical SYSTEM id (svccfg: "document DTD unknown; not service bundle?")
    //   root         no root, or a root other than service_bundle (svccfg: "document is not a service bundle")
    //   dtd          a manifest's DTD validity errors (svccfg validate/import: "Document is not valid.")
    //   dtdProfile   a profile's DTD findings, as warnings (svccfg apply does not DTD-validate profiles)
    //   dtdApply     a profile element svccfg apply validates one by one failed (fatal to apply)
    //   dtdUnusable  the chosen DTD itself does not parse (exit status 2)
    public static let unreadable = "smf.io.unreadable"
    public static let wellFormed = "smf.xml.well-formed"
    public static let entity = "smf.xml.entity"
    public static let entityExpansion = "smf.xml.entity-expansion"
    public static let doctype = "smf.document.doctype"
    public static let root = "smf.document.root"
    public static let dtd = "smf.dtd"
    public static let dtdProfile = "smf.dtd.profile"
    public static let dtdApply = "smf.dtd.apply"
    public static let dtdUnusable = "smf.dtd.unusable"
}
