import Diagnostics

/// The bundle type decides how svccfg reads the file: `manifest` for
/// import/validate, `profile` for apply (`lxml_get_bundle`: `document is not
/// a manifest.`). Nested bundles must have the same type as the document.
/// Under `--as`, the command fixes the type: `lxml_get_bundle` compares
/// every (nested) bundle's type with the one `SVCCFG_OP_IMPORT` or
/// `SVCCFG_OP_APPLY` wants, `semerr` and `return (-1)` up to
/// `lxml_get_bundle_file`: fatal to every command (`RuleVerdicts.loading`).
public struct BundleTypeRule: SemanticRule {
    public static let id = "smf.bundle.type"
    public static let summary = "service_bundle type is manifest or profile, and nested bundles have the same type"
    public static let verdicts = RuleVerdicts.loading
    public init() {}

    public func check(_ document: SemanticDocument) -> [Diagnostic] {
        let top = document.bundle
        if let required = document.requiredType {
            var found: [Diagnostic] = []
            func visit(_ bundle: ServiceBundle) {
                if bundle.type != required.rawValue {
                    found.append(diagnostic("service_bundle type \"\(bundle.type)\": document is not a "
                        + "\(required.rawValue).", at: bundle.location, in: document))
                    return
                }
                bundle.bundles.forEach(visit)
            }
            visit(top)
            return found
        }
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
