import Diagnostics
import Foundation
import SMF
import FileValidation
import Tribblix

/// `smfkit generate` as a pipeline of typed stages, like a compiler:
///
///     cluster.yaml --load+check--> LoadedDefinition
///                  --translate---> Artifacts (typed SMF bundles, text files)
///                  --render------> [GeneratedFile] (bytes, deterministic)
///                  --verify------> the rendered SMF XML through the validator users run
///
/// Writing is the caller's last step (`OutputWriter`), so everything up to
/// here can be tested in memory.
public struct GenerationPipeline: Sendable {
    public var templates: TemplateSet
    /// The validator the rendered manifests and profiles must pass.
    public var validator: Validator

    public init(templates: TemplateSet, validator: Validator = Validator(dtd: .embedded)) {
        self.templates = templates
        self.validator = validator
    }

    public enum Outcome: Sendable {
        /// Every file, ready to write; `warnings` from the definition checks.
        case generated(files: [GeneratedFile], warnings: [Diagnostic])
        /// The definition has errors (all of them, with positions); nothing
        /// was generated.
        case invalidDefinition([Diagnostic])
        /// What smfkit rendered failed its own validation: a bug in smfkit or
        /// in a user's templates, reported against the generated file.
        case invalidOutput([Diagnostic])
    }

    /// Runs every stage but writing on a definition file.
    public func run(definitionPath path: String) throws(DefinitionFileError) -> Outcome {
        run(try DefinitionLoader.loadAndCheck(path: path), sourceName: (path as NSString).lastPathComponent)
    }

    /// Runs every stage but writing on definition text.
    public func run(definitionText text: String, file: String) -> Outcome {
        run(DefinitionLoader.loadAndCheck(text: text, file: file), sourceName: (file as NSString).lastPathComponent)
    }

    private func run(_ load: DefinitionLoad, sourceName: String) -> Outcome {
        guard let loaded = load.loaded, !load.diagnostics.hasErrors else {
            return .invalidDefinition(load.diagnostics)
        }
        let files: [GeneratedFile]
        do {
            files = try Translator(definition: loaded.definition, templates: templates, sourceName: sourceName)
                .translate().rendered()
        } catch {
            return .invalidOutput(error.diagnostics)
        }
        let problems = verify(files)
        if problems.hasErrors { return .invalidOutput(problems) }
        return .generated(files: files, warnings: load.diagnostics + problems)
    }

    /// The verify stage: every manifest and profile goes through the same
    /// validator `smfkit validate` runs, and every Tribblix descriptor
    /// through the same linter. In SMF XML a warning counts as an error, as
    /// `smfkit validate --strict` (and svccfg validate) count it: a method
    /// token lint means svc.startd would fail the method. Tribblix warnings
    /// (an account id Tribblix gives to someone else, say) are about values
    /// the definition chose, and are reported as warnings.
    public func verify(_ files: [GeneratedFile]) -> [Diagnostic] {
        // The package carries byte-identical copies of the manifests;
        // each distinct text is checked once, under its first path.
        var seen = Set<String>()
        let checked = files.filter { file in
            (file.path.hasSuffix(".xml") || TribblixLint.kind(ofPath: file.path) != nil)
                && seen.insert(file.contents).inserted
        }
        return FileValidator(smf: validator).validate(texts: checked.map { ($0.path, $0.contents) })
            .flatMap { report in
                report.diagnostics.map { diagnostic in
                    guard report.path.hasSuffix(".xml") else { return diagnostic }
                    var strict = diagnostic
                    strict.severity = .error
                    return strict
                }
            }
    }
}
