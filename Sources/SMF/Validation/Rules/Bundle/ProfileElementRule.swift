import Diagnostics

/// `svccfg apply` does not DTD-validate a profile, but its loader walks the
/// elements it knows and stops at one it does not: `lxml_get_service` and
/// `lxml_get_instance` end their `switch` with `uu_die("illegal element
/// \"%s\" on service|instance …")`, `lxml_get_pgroup` with `abort()`,
/// `lxml_get_restarter` with `uu_die`, `lxml_get_method_environment` with
/// `uu_die`, `lxml_get_property` with `uu_die("unknown value list type")`
/// and `lxml_get_value` with `uu_die("value list contains illegal element")`.
/// (Elsewhere an unknown element is harmless: `lxml_get_bundle` has no
/// `default`, `lxml_get_method_context` only `semerr`s, `lxml_get_event`
/// only `uu_warn`s; exec_method, dependency, dependent, stability and
/// notification `type` are DTD-validated one by one, `smf.dtd.apply`.)
/// Manifests are DTD-validated whole, so this runs for profiles only.
public struct ProfileElementRule: BundleRule {
    public static let id = "smf.profile.element"
    public static let summary = "profiles hold only the elements svccfg apply's loader knows under service, instance, "
        + "property_group, restarter, method_environment and property"
    /// Per svccfg command (`.loading`): `uu_die` or `abort()` in the loader (see above).
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    /// The children each walker knows (text and comments aside).
    static let knownChildren: [String: Set<String>] = [
        "service": ["create_default_instance", "single_instance", "restarter", "dependency", "dependent",
                    "method_context", "exec_method", "notification_parameters", "property_group", "instance",
                    "stability", "template"],
        "instance": ["restarter", "dependency", "dependent", "method_context", "exec_method",
                     "notification_parameters", "property_group", "template"],
        "property_group": ["stability", "property", "propval"],
        "restarter": ["service_fmri"],
        "method_environment": ["envvar"],
        "property": Set(SMFType.allCases.map(\.listElementName)),
    ]

    public func check(_ bundle: ServiceBundle, in context: RuleContext) -> [Diagnostic] {
        guard context.operation == .applyProfile, let root = context.document.root else { return [] }
        var found: [Diagnostic] = []
        func visit(_ element: XMLElementNode) {
            for child in element.elements {
                // XInclude is resolved (or refused) before the walk.
                if child.namespaceURI != nil || child.name.hasPrefix("xi:") { continue }
                let listOfValues = element.name.hasSuffix("_list")
                if let known = Self.knownChildren[element.name], !known.contains(child.name) {
                    found.append(.error("illegal element \"\(child.name)\" on \(element.name): svccfg apply stops "
                        + "loading the profile", rule: Self.id, at: child.location))
                } else if listOfValues, child.name != "value_node" {
                    found.append(.error("value list contains illegal element '\(child.name)': svccfg apply stops "
                        + "loading the profile", rule: Self.id, at: child.location))
                }
                visit(child)
            }
        }
        visit(root)
        return found
    }
}
