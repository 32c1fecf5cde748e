import Diagnostics
import Foundation
import SMF
import Systemd
import Output

/// `smfkit convert` as typed stages, like `generate`:
///
///     unit files --assemble+parse--> [SystemdUnit]
///                --map------------> [ConvertedUnit] (SMF bundles, method scripts)
///                --render---------> [GeneratedFile] (bytes, deterministic)
///                --verify---------> the rendered XML through the validator users run
///
/// Writing is the caller's last step.
public struct ConversionPipeline: Sendable {
    public var options: ConversionOptions
    public var validator: Validator

    public init(options: ConversionOptions, validator: Validator = Validator(dtd: .embedded)) {
        self.options = options
        self.validator = validator
    }

    public enum Outcome: Sendable {
        /// Every file, ready to write, and every warning, located.
        case converted(files: [GeneratedFile], units: [ConvertedUnit], warnings: [Diagnostic])
        /// A unit cannot be represented (or, with strict, did not carry
        /// over completely); nothing is to be written.
        case refused([Diagnostic])
        /// What smfkit rendered failed its own validation: a bug in smfkit.
        case invalidOutput([Diagnostic])
    }

    public func run(sources: [(path: String, text: String)], strict: Bool = false) -> Outcome {
        let (units, readProblems) = UnitAssembler.assemble(sources)
        if readProblems.hasErrors { return .refused(readProblems.sortedForOutput()) }

        var peers: [String: ServiceIdentity] = [:]
        let converter = UnitConverter(options: options)
        var errors: [Diagnostic] = []
        var byService: [String: String] = [:]
        for unit in units {
            let identity = converter.identity(of: unit)
            if let other = byService[identity.serviceName] {
                errors.append(.error("\(unit.name) would become \(identity.fmri), as \(other) does; convert them in "
                    + "separate runs or name the service with --service-name", rule: ConvertRuleID.refused,
                    at: SourceLocation(file: unit.path, line: 1, column: 1)))
            }
            byService[identity.serviceName] = unit.name.description
            peers[unit.name.description] = identity
        }
        if !errors.isEmpty { return .refused(errors) }

        var converted: [ConvertedUnit] = []
        var warnings = readProblems
        let linked = UnitConverter(options: options, peers: peers)
        for unit in units {
            switch linked.convert(unit) {
            case .converted(let result):
                converted.append(result)
                warnings += result.warnings
            case .refused(_, let diagnostics):
                errors += diagnostics
            }
        }
        if !errors.isEmpty { return .refused((errors + warnings).sortedForOutput()) }
        if strict, !warnings.isEmpty {
            return .refused(warnings.map { warning in
                var strict = warning
                strict.severity = .error
                return strict
            }.sortedForOutput())
        }

        let files = Self.render(converted)
        let problems = verify(files)
        if !problems.isEmpty { return .invalidOutput(problems) }
        return .converted(files: files, units: converted, warnings: warnings.sortedForOutput())
    }

    /// The render stage: `manifests/NAME.xml` and `methods/svc-NAME`.
    static func render(_ units: [ConvertedUnit]) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for unit in units {
            files.append(GeneratedFile(path: "\(GeneratedLayout.manifests)/\(unit.identity.baseName).xml",
                                       contents: BundleRenderer.render(unit.bundle)))
            if let script = unit.methodScript { files.append(script) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The verify stage: every manifest through the validator `smfkit
    /// validate` runs. Any finding, a warning included, is smfkit's bug.
    public func verify(_ files: [GeneratedFile]) -> [Diagnostic] {
        let manifests = files.filter { $0.path.hasSuffix(".xml") }
        return validator.validate(documents: manifests.map { ($0.path, Data($0.contents.utf8)) })
            .flatMap(\.diagnostics)
            .map { diagnostic in
                var problem = diagnostic
                problem.severity = .error
                return problem
            }
    }
}
