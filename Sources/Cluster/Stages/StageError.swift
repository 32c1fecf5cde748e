import Diagnostics
import Output

/// Why a stage could not produce its output at all: the one shape every
/// stage's error has, so a caller reports any of them the same way. Each
/// stage has one such type: load `DefinitionFileError`, templates (and
/// translation, which only fails on a template) `TemplateError`, verify
/// `GenerationPipeline.VerifyFailure`, write `WriteError`. A definition's
/// own problems are not errors of this kind: they are the diagnostics of
/// `DefinitionLoad` and `CheckedDefinition`.
public protocol StageError: Error, Sendable, CustomStringConvertible {
    /// Each problem at its file (and line and column where there is one).
    var diagnostics: [Diagnostic] { get }
}

extension DefinitionFileError: StageError {
    public var diagnostics: [Diagnostic] {
        [.error("cannot read the cluster definition: \(reason)", rule: "cluster.file.unreadable",
                at: SourceLocation(file: path))]
    }
}

extension TemplateError: StageError {}

extension WriteError: StageError {
    public var diagnostics: [Diagnostic] {
        [.error(message, rule: "generate.write", at: SourceLocation(file: path))]
    }
}

extension GenerationPipeline.VerifyFailure: StageError {
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
