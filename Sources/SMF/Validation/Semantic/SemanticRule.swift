import Diagnostics

/// A rule about what svccfg checks beyond the DTD (smf.md §2–§5, §8), or a
/// lint about what svc.startd will do. It sees the bundle through a
/// `SemanticDocument`, which knows the operation (manifest or profile), the
/// entities and their composed property groups.
public protocol SemanticRule: BundleRule {
    /// `.error` for what svccfg refuses, `.warning` for lints and TVS_WARN.
    static var severity: Diagnostic.Severity { get }
    func check(_ document: SemanticDocument) -> [Diagnostic]
}

extension SemanticRule {
    public static var severity: Diagnostic.Severity { .error }

    public func check(_ bundle: ServiceBundle, in context: RuleContext) -> [Diagnostic] {
        check(context.facts.semanticDocument {
            SemanticDocument(bundle: bundle, path: context.path, isProfile: context.operation == .applyProfile,
                             requiredType: context.requiredBundleType)
        })
    }

    /// A diagnostic of this rule at `location` (the document's path alone
    /// when the element's position is unknown).
    func diagnostic(_ message: String, at location: SourceLocation?, in document: SemanticDocument) -> Diagnostic {
        Diagnostic(Self.severity, message, rule: Self.id, at: location ?? SourceLocation(file: document.path))
    }
}
