import Diagnostics

/// Every property group name and type and every property name fits the
/// repository's 119 bytes (`REP_PROTOCOL_NAME_LEN`); a longer one cannot be
/// stored. Service and instance names: `smf.name.entity-length`.
public struct NameLengthRule: SemanticRule {
    public static let id = "smf.name.length"
    public static let summary = "property group names, pg types and property names are at most 119 bytes"
    /// Per svccfg command (`.repository`): names are checked by svc.configd only (`uu_check_name` has no length);
    /// `EINVAL` at import, `IMPORT_NEXT` in apply.
    public static let verdicts = RuleVerdicts.repository
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func require(_ name: String, _ what: String, _ location: SourceLocation?) {
            guard !SMFName.fitsLength(name) else { return }
            found.append(diagnostic("\(what) \"\(name)\" is \(name.utf8.count) bytes long; "
                + "names are limited to \(SMFName.maxLength) bytes", at: location, in: document))
        }
        for entity in document.entities {
            for group in entity.propertyGroups.groups {
                require(group.name, "property group name", group.location)
                if let type = group.type { require(type, "property group type", group.location) }
                for property in group.properties { require(property.name, "property name", property.location) }
            }
        }
        return found
    }
}
