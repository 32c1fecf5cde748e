import Diagnostics
import Output

/// The render stage's output: every file of a generation as text, sorted by
/// path. Deterministic: the same definition gives the same bytes.
public struct RenderedCluster: Sendable {
    public var files: [GeneratedFile]
}

/// The verify stage's output: rendered files that passed the validator and
/// the Tribblix linter, with the warnings of the check and verify stages.
/// The write stage (`OutputWriter`) takes its files.
public struct VerifiedCluster: Sendable {
    public var files: [GeneratedFile]
    public var warnings: [Diagnostic]
}
