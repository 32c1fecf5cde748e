import Foundation

/// What the semantic rules of one file share, computed once: the entities'
/// property groups, the composed instance views, the template findings.
/// One per `RuleContext`, so per file; the lock only makes it `Sendable`.
public final class SharedFacts: @unchecked Sendable {
    private let lock = NSLock()
    private var semantic: SemanticDocument?

    public init() {}

    /// The document's semantic view, made by `make` on first use.
    func semanticDocument(_ make: () -> SemanticDocument) -> SemanticDocument {
        lock.lock()
        defer { lock.unlock() }
        if let semantic { return semantic }
        let made = make()
        semantic = made
        return made
    }
}
