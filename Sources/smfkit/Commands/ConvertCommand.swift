import ArgumentParser
import Cluster
import Convert
import Diagnostics
import Foundation
import SMF
import Output

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert systemd service units to SMF manifests (and method scripts).",
        discussion: """
            Reads each unit as systemd does (sections, comments, continuations, list \
            resets, Exec prefixes and quoting, % specifiers); a NAME.conf file is a \
            drop-in for the unit its directory (UNIT.d/) names, or else for the unit \
            before it. Writes manifests/NAME.xml per unit and methods/svc-NAME where \
            an exec attribute cannot hold a method, after validating every manifest. \
            Every directive that does not carry over is a warning at its file:line. \
            docs/convert.md has the mapping.

            Without --out, the one manifest is printed on stdout.

            Exit status: 0 converted, 1 a unit cannot be represented (or, with \
            --strict, did not carry over completely), 2 usage or I/O error.

            Example:  smfkit convert /lib/systemd/system/etcd.service --out etcd-smf
            """
    )

    @Argument(help: ArgumentHelp("systemd unit files, and drop-ins (.conf).", valueName: "unit"))
    var units: [String] = []

    @Option(help: ArgumentHelp("Directory to write into.", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("The SMF service name for the one unit converted, e.g. site/myapp.", valueName: "name"))
    var serviceName: String?

    @Option(help: ArgumentHelp("The FMRI category: application, network, site, system, …", valueName: "category"))
    var category = "application"

    @Option(name: .customLong("instance"),
            help: ArgumentHelp("An instance of every converted template (name@.service); repeatable.", valueName: "name"))
    var instances: [String] = []

    @Option(help: ArgumentHelp("Where the method scripts are installed on the illumos host.", valueName: "dir"))
    var methodDir = "/lib/svc/method"

    @Flag(help: "Fail (exit 1) when any directive did not carry over.")
    var strict = false

    @Flag(help: "Write into a non-empty directory smfkit did not generate.")
    var force = false

    func validate() throws {
        guard !units.isEmpty else { throw ValidationError("name at least one unit file") }
        if let serviceName {
            guard units.filter({ !$0.hasSuffix(".conf") }).count == 1 else {
                throw ValidationError("--service-name names one service; give exactly one unit with it")
            }
            guard SMFName.isValid(serviceName, as: .servicePath) else {
                throw ValidationError("--service-name '\(serviceName)' is not an SMF service name (category/name)")
            }
        }
        guard SMFName.isValid(category, as: .domain) else {
            throw ValidationError("--category '\(category)' is not an SMF name")
        }
        for instance in instances where !SMFName.isValid(instance, as: .domain) {
            throw ValidationError("--instance '\(instance)' is not an SMF instance name: a letter first, then letters, digits, '_' or '-'")
        }
        guard methodDir.hasPrefix("/") else { throw ValidationError("--method-dir must be an absolute path") }
    }

    func run() throws {
        var sources: [(path: String, text: String)] = []
        for path in units {
            guard let text = Self.read(path) else {
                writeToStandardError("\(path): error: cannot be read as UTF-8 text (missing, a directory, or not text)\n")
                throw ExitCode(2)
            }
            sources.append((path, text))
        }
        let options = ConversionOptions(category: category, serviceName: serviceName, instances: instances,
                                        methodDirectory: methodDir)
        switch ConversionPipeline(options: options).run(sources: sources, strict: strict) {
        case .refused(let diagnostics), .invalidOutput(let diagnostics):
            writeToStandardError(DiagnosticFormatter.text(diagnostics))
            throw ExitCode(1)
        case .converted(let files, _, let warnings):
            writeToStandardError(DiagnosticFormatter.text(warnings))
            guard let out else {
                guard files.count == 1, let manifest = files.first else {
                    writeToStandardError("smfkit: this conversion has \(files.count) files; name a directory with --out\n")
                    throw ExitCode(2)
                }
                print(manifest.contents, terminator: "")
                return
            }
            do {
                let generated = files.map { GeneratedFile(path: $0.path, contents: $0.contents, mode: $0.mode) }
                let report = try OutputWriter(directory: out, force: force).write(generated)
                print("smfkit: \(files.count) files in \(out): \(report.written.count) written, "
                    + "\(report.unchanged.count) unchanged, \(report.removed.count) removed")
            } catch {
                writeToStandardError(error.description + "\n")
                throw ExitCode(2)
            }
        }
    }

    /// Through a file handle: a masked unit is a link to /dev/null, which
    /// reads as empty (and is then refused as such).
    static func read(_ path: String) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() ?? Data() else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
