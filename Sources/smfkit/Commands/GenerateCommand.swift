import ArgumentParser
import Cluster
import Diagnostics
import Foundation
import SMF
import Output

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate everything a cluster needs on illumos from its definition.",
        discussion: """
            Writes into --out: manifests/ (one SMF manifest per service, one instance \
            per node), profiles/ (one per node, enabling its instances), config/ \
            (haproxy.cfg, patroni.yml), packages/ and overlays/ (Tribblix) and \
            deploy.sh. Every manifest and profile is validated before anything is \
            written. Running it again into its own output rewrites only what changed \
            and removes what it no longer generates. The new output is built beside \
            --out and switched in at once: interrupted at any moment, --out holds the \
            complete previous output or the complete new one. Files smfkit did not \
            write, and generated files edited since, are kept (and reported) unless \
            --force. One generate at a time per directory.

            Exit status: 0 generated, 1 the definition (or the output) has errors, \
            2 usage error or a file that cannot be read or written.

            Example:  smfkit generate Examples/patroni.yaml --out out
            """
    )

    @Argument(help: ArgumentHelp("The cluster definition (YAML).", valueName: "definition"))
    var definition: String

    @Option(help: ArgumentHelp("Directory to write into.", valueName: "dir"))
    var out: String

    @Flag(help: "Write into a non-empty directory smfkit did not generate, replacing files there that smfkit would write (each one is named).")
    var force = false

    @Option(help: ArgumentHelp("Use the service templates in this directory instead of the built-in ones.", valueName: "dir"))
    var templates: String?

    func run() throws {
        let templateSet: TemplateSet
        do {
            if let templates {
                templateSet = try TemplateSet.load(directory: templates)
            } else {
                templateSet = try TemplateSet.builtIn()
            }
        } catch {
            writeToStandardError(error.description + "\n")
            throw ExitCode(2)
        }

        let outcome: GenerationPipeline.Outcome
        do {
            outcome = try GenerationPipeline(templates: templateSet).run(definitionPath: definition)
        } catch {
            writeToStandardError(error.description + "\n")
            throw ExitCode(2)
        }

        switch outcome {
        case .invalidDefinition(let diagnostics), .invalidOutput(let diagnostics):
            writeToStandardError(DiagnosticFormatter.text(diagnostics))
            throw ExitCode(1)
        case .generated(let verified):
            let files = verified.files
            writeToStandardError(DiagnosticFormatter.text(verified.warnings))
            do {
                let report = try OutputWriter(directory: out, force: force).write(verified)
                writeToStandardError(WriteReportText.notes(report, directory: out))
                print("smfkit: \(files.count) files in \(out): \(report.written.count) written, "
                    + "\(report.unchanged.count) unchanged, \(report.removed.count) removed"
                    + (report.kept.isEmpty ? "" : ", \(report.kept.count) kept"))
            } catch {
                writeToStandardError(error.description + "\n")
                throw ExitCode(2)
            }
        }
    }
}
