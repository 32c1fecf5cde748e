import Diagnostics
import Foundation
import SMF
import FileValidation
import Tribblix
import Output

/// `smfkit generate` as a pipeline of typed stages, like a compiler; each
/// stage a function from one type of Stages/ to the next:
///
///     cluster.yaml --load------> DefinitionLoad      (DefinitionLoader)
///                  --check-----> CheckedDefinition   (DefinitionChecker)
///                  --translate-> TranslatedCluster   (Translator: SMF bundles, Tribblix models)
///                  --render----> RenderedCluster     (ClusterRenderer: text, once)
///                  --verify----> VerifiedCluster     (the validator and linter users run)
///                  --write-----> WriteReport         (OutputWriter, the caller's last step)
///
/// Everything up to writing can be tested in memory.
public struct GenerationPipeline: Sendable {
    public var templates: TemplateSet
    /// The validator the rendered manifests and profiles must pass.
    public var validator: Validator

    public init(templates: TemplateSet, validator: Validator = Validator(dtd: .embedded)) {
        self.templates = templates
        self.validator = validator
    }

    public enum Outcome: Sendable {
        /// Every file, ready to write, with the warnings of check and verify.
        case generated(VerifiedCluster)
        /// The definition has errors (all of them, with positions); nothing
        /// was generated.
        case invalidDefinition([Diagnostic])
        /// What smfkit rendered failed its own validation: a bug in smfkit or
        /// in a user's templates, reported against the generated file.
        case invalidOutput([Diagnostic])
    }

    /// Runs every stage but writing on a definition file.
    public func run(definitionPath path: String) throws(DefinitionFileError) -> Outcome {
        run(check(try DefinitionLoader.load(path: path)), sourceName: Self.fileName(path))
    }

    /// Runs every stage but writing on definition text.
    public func run(definitionText text: String, file: String) -> Outcome {
        run(check(DefinitionLoader.load(text: text, file: file)), sourceName: Self.fileName(file))
    }

    /// Whether two texts of one length are the same bytes (memcmp where
    /// both are contiguous, as native strings are).
    private static func sameBytes(_ first: String, _ second: String) -> Bool {
        var first = first, second = second
        return first.withUTF8 { a in
            second.withUTF8 { b in
                guard a.count == b.count, let start = a.baseAddress, let other = b.baseAddress else { return a.count == b.count }
                return memcmp(start, other, a.count) == 0
            }
        }
    }

    /// The last component of `path`. Not NSString's `lastPathComponent`:
    /// Foundation on Linux traps on a one-character path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The check stage, against this pipeline's templates.
    public func check(_ load: DefinitionLoad) -> CheckedDefinition {
        DefinitionChecker.check(load, templates: templates)
    }

    /// Translate, render and verify a checked definition.
    public func run(_ checked: CheckedDefinition, sourceName: String) -> Outcome {
        guard let definition = checked.valid else { return .invalidDefinition(checked.diagnostics) }
        let rendered: RenderedCluster
        do {
            rendered = ClusterRenderer.render(
                try Translator(definition: definition, templates: templates, sourceName: sourceName).translate())
        } catch {
            return .invalidOutput(error.diagnostics)
        }
        switch verify(rendered) {
        case .success(let verified):
            return .generated(VerifiedCluster(files: verified.files, warnings: checked.diagnostics + verified.warnings))
        case .failure(let failure):
            return .invalidOutput(failure.diagnostics)
        }
    }

    /// What the rendered output failed: every error and warning the
    /// validator and the linter found.
    public struct VerifyFailure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// The verify stage: rendered files that pass become a `VerifiedCluster`
    /// (with the verifier's warnings).
    public func verify(_ rendered: RenderedCluster) -> Result<VerifiedCluster, VerifyFailure> {
        let problems = problems(in: rendered.files)
        if problems.hasErrors { return .failure(VerifyFailure(diagnostics: problems)) }
        return .success(VerifiedCluster(files: rendered.files, warnings: problems))
    }

    /// What the verify stage finds: every manifest and profile goes through the same
    /// validator `smfkit validate` runs, and every Tribblix descriptor
    /// through the same linter. In SMF XML a warning counts as an error, as
    /// `smfkit validate --strict` (and svccfg validate) count it: a method
    /// token lint means svc.startd would fail the method. Tribblix warnings
    /// (an account id Tribblix gives to someone else, say) are about values
    /// the definition chose, and are reported as warnings.
    func problems(in files: [GeneratedFile]) -> [Diagnostic] {
        // The package carries byte-identical copies of the manifests;
        // each distinct text is checked once, under its first path. Texts
        // are compared byte by byte among those of one length, not hashed:
        // hashing a String normalises it, which for a 1,000-node cluster's
        // half-megabyte manifests cost more than the comparison.
        var seenByLength: [Int: [String]] = [:]
        func isFirst(_ text: String) -> Bool {
            let length = text.utf8.count
            if seenByLength[length, default: []].contains(where: { Self.sameBytes($0, text) }) { return false }
            seenByLength[length, default: []].append(text)
            return true
        }
        // Scripts and configuration files are no kind the validator knows.
        var kinds: [String: FileKind] = [:]
        let checked = files.filter { file in
            let kind = FileKind.of(path: file.path, text: file.contents)
            kinds[file.path] = kind
            return kind != .unknown && isFirst(file.contents)
        }
        return FileValidator(smf: validator).validate(texts: checked.map { ($0.path, $0.contents) })
            .flatMap { report in
                report.diagnostics.map { diagnostic in
                    guard kinds[report.path] == .smfBundle else { return diagnostic }
                    var strict = diagnostic
                    strict.severity = .error
                    return strict
                }
            }
    }
}
