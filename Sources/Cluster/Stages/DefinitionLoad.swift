import Diagnostics

/// What loading a definition produced: the definition, when every required
/// value was there and usable, and every problem found on the way.
public struct DefinitionLoad: Sendable {
    /// Nil when a required value is missing or unusable (then `diagnostics`
    /// says why); present — with defaults standing in for bad optional
    /// values — otherwise.
    public var loaded: LoadedDefinition?
    /// Sorted by position.
    public var diagnostics: [Diagnostic]
    /// What could be read of an incomplete definition, for the checks only:
    /// they report the file's other problems in the same round.
    var partial: LoadedDefinition?

    init(loaded: LoadedDefinition?, diagnostics: [Diagnostic], partial: LoadedDefinition? = nil) {
        self.loaded = loaded
        self.diagnostics = diagnostics
        self.partial = partial
    }

    /// True when there is a definition and no error (warnings allowed).
    public var isValid: Bool { loaded != nil && !diagnostics.hasErrors }
}
