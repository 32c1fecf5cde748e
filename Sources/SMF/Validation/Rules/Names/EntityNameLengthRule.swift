import Diagnostics

/// Service and instance names fit the repository's 119 bytes
/// (`REP_PROTOCOL_NAME_LEN`). svccfg's loader never measures them
/// (`validate_service_name` only parses `svc:/NAME`, and `uu_check_name`
/// has no limit), so `svccfg validate` passes a longer one; the repository
/// does not: `lscf_service_import` cannot add it (import fails), and
/// `lscf_bundle_apply`'s `scf_scope_get_service` /
/// `scf_service_get_instance` fail with `SCF_ERROR_INVALID_ARGUMENT`, which
/// their `default: scfdie()` turns into an exit.
public struct EntityNameLengthRule: SemanticRule {
    public static let id = "smf.name.entity-length"
    public static let summary = "service and instance names are at most 119 bytes"
    /// Per svccfg command (custom): see above.
    public static let verdicts = RuleVerdicts(validate: .notChecked, import: .error, importStrict: .error,
                                              apply: .error)
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func require(_ name: String, _ what: String, _ location: SourceLocation?) {
            guard !SMFName.fitsLength(name) else { return }
            found.append(diagnostic("\(what) \"\(name)\" is \(name.utf8.count) bytes long; "
                + "names are limited to \(SMFName.maxLength) bytes", at: location, in: document))
        }
        for service in document.services {
            require(service.name, "service name", service.location)
            for instance in service.instances { require(instance.name, "instance name", instance.location) }
        }
        return found
    }
}
