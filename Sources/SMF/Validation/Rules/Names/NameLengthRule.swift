import Diagnostics

/// Every name and property group type fits the repository's 119 bytes
/// (`REP_PROTOCOL_NAME_LEN`); a longer one cannot be stored.
public struct NameLengthRule: SemanticRule {
    public static let id = "smf.name.length"
    public static let summary = "service, instance, property group, property names and pg types are at most 119 bytes"
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
        for service in document.services {
            // A service name is a path; each part is a name of its own, and
            // the whole must still fit an FMRI.
            require(service.name, "service name", service.location)
        }
        for entity in document.entities {
            if let instance = entity.instance { require(instance.name, "instance name", instance.location) }
            for group in entity.propertyGroups.groups {
                require(group.name, "property group name", group.location)
                if let type = group.type { require(type, "property group type", group.location) }
                for property in group.properties { require(property.name, "property name", property.location) }
            }
        }
        return found
    }
}
