import ArgumentParser
import Diagnostics
import Foundation
import FileValidation
import SMF

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate SMF manifests and profiles as svccfg would, on any OS, and lint Tribblix descriptors.",
        discussion: """
            Checks each file for well-formed XML, the service_bundle DOCTYPE and root, \
            and validity against the SMF DTD, and reports every problem as \
            path:line[:col]: severity: message [rule-id] on stderr (or, on stdout, \
            a JSON array with --format json, SARIF 2.1.0 for code scanning with \
            --format sarif, GitHub workflow annotations with --format github). Nothing is ever fetched: the DOCTYPE's \
            SYSTEM id is mapped to --dtd PATH, else the system's \
            /usr/share/lib/xml/dtd/service_bundle.dtd.1, else smfkit's own DTD.

            Profiles (type="profile") are checked as svccfg apply reads them: \
            xi:include elements are not followed, and DTD findings are warnings.

            Beyond the DTD, every rule svccfg import/validate/apply applies is \
            checked (`--list-rules` lists them); method-token lints and \
            svccfg's template warnings are warnings, which fail only with --strict.

            By default the verdict is the union of what svccfg validate and \
            svccfg import refuse ("will this import and validate"). --as gives \
            exactly one command's verdict instead: validate (fails on template \
            errors and warnings, never sees what only svc.configd checks), import \
            (template errors are warnings), import-V (svccfg import -V), or apply \
            (profiles; errors svccfg apply only prints are warnings). \
            --list-rules shows each rule's verdict per command.

            Tribblix package and overlay descriptors (.ovl, .pkgs, an overlay or \
            package catalog, pkginfo, depend, prototype, restart_fmri_list, alias, \
            passwd, group, user_attr) are recognised by name and linted by the \
            rules Tribblix's own build scripts apply.

            A directory stands for every file under it (generate's output, say): \
            files of no kind smfkit knows are skipped with a note on stderr, as \
            are configuration files other tools check (haproxy.cfg: haproxy -c; \
            patroni.yml: patroni --validate-config). Scripts (#!) are checked for \
            an interpreter exec(2) can run; pkginfo.arch for its ARCH= line.

            Exit status: 0 all files valid, 1 a file is invalid (or has warnings, \
            with --strict), 2 usage error or a file that cannot be read.

            Example:  smfkit validate manifests/*.xml
                      smfkit validate out
                      smfkit validate --as import site.xml
            """
    )

    @Argument(help: "SMF manifests or profiles, scripts, or Tribblix descriptors (.ovl, .pkgs, catalog, pkginfo, depend, prototype, …); a directory stands for every file under it.")
    var files: [String] = []

    @Option(help: DiagnosticFormat.help)
    var format: DiagnosticFormat = .text

    @Option(name: .customLong("dtd"), help: ArgumentHelp("Validate against this DTD file.", valueName: "path"))
    var dtdPath: String?

    @Flag(help: "Fail (exit 1) on warnings too, as svccfg validate fails on template warnings.")
    var strict = false

    @Option(name: .customLong("as"),
            help: ArgumentHelp("Give exactly this svccfg command's verdict (validate, import, import-V, apply).",
                               valueName: "command"))
    var command: SvccfgCommand?

    @Flag(help: "Print every rule id with a one-line description, and exit.")
    var listRules = false

    func validate() throws {
        guard listRules || !files.isEmpty else { throw ValidationError("name at least one file to validate") }
    }

    func run() throws {
        if listRules {
            print(FileValidator.ruleListing.joined(separator: "\n"))
            return
        }
        let source: DTDSource
        do {
            source = try DTDSource.choose(override: dtdPath)
        } catch {
            writeToStandardError("error: \(error)\n")
            throw ExitCode(2)
        }
        let validator = Validator(dtd: source, mode: command.map(ValidationMode.command) ?? .union)
        let dtdProblems = validator.checkDTD()
        guard dtdProblems.isEmpty else {
            writeToStandardError(DiagnosticFormatter.text(dtdProblems))
            throw ExitCode(2)
        }

        let reports = FileValidator(smf: validator).validate(inputs: files)
        writeToStandardError(reports.compactMap { report in report.note.map { "\(report.path): note: \($0)\n" } }.joined())
        let diagnostics = reports.flatMap(\.diagnostics)
        format.emit(diagnostics, rules: FileValidator.rules)

        if reports.contains(where: \.isUnreadable) { throw ExitCode(2) }
        if reports.contains(where: { !$0.isValid }) { throw ExitCode(1) }
        if strict, diagnostics.contains(where: { $0.severity == .warning }) { throw ExitCode(1) }
    }
}

extension SvccfgCommand: ExpressibleByArgument {}
