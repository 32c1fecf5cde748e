import Diagnostics

/// The bundle type decides how svccfg reads the file: `manifest` for
/// import/validate, `profile` for apply (`lxml_get_bundle`: `document is not
/// a manifest.`). Nested bundles must have the same type as the document.
public struct BundleTypeRule: SemanticRule {
    public static let id = "smf.bundle.type"
    public static let summary = "service_bundle type is manifest or profile, and nested bundles have the same type"
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        let top = document.bundle
        guard top.type == BundleType.manifest.rawValue || top.type == BundleType.profile.rawValue else {
            return [diagnostic("service_bundle type \"\(top.type)\" is neither manifest nor profile: "
                + "document is not a manifest.", at: top.location, in: document)]
        }
        var found: [Diagnostic] = []
        func visit(_ bundle: ServiceBundle) {
            for nested in bundle.bundles {
                if nested.type != top.type {
                    found.append(diagnostic("included bundle \"\(nested.name)\" has type \"\(nested.type)\", "
                        + "not \"\(top.type)\": document is not a \(top.type).", at: nested.location, in: document))
                }
                visit(nested)
            }
        }
        visit(top)
        return found
    }
}
