import ArgumentParser
import Cluster
import Diagnostics
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and check a cluster definition; generate nothing.",
        discussion: """
            Reports every problem at once, one per line on stderr, as \
            FILE:LINE:COL: error: MESSAGE [rule-id]. Warnings do not fail the check.

            Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file.

            Example:  smfkit check cluster.yaml
            """
    )

    @Argument(help: "The cluster definition (YAML).")
    var definition: String

    @Option(help: DiagnosticFormat.help)
    var format: DiagnosticFormat = .text

    @Option(help: ArgumentHelp("Check against the service templates in this directory (their daemons' ports).",
                               valueName: "dir"))
    var templates: String?

    func run() throws {
        let result: CheckedDefinition
        do {
            let templateSet = try templates.map(TemplateSet.load(directory:)) ?? TemplateSet.builtIn()
            result = DefinitionChecker.check(try DefinitionLoader.load(path: definition), templates: templateSet)
        } catch let error as TemplateError {
            format.emit(error.diagnostics)
            throw ExitCode(2)
        } catch {
            writeToStandardError("\(error)\n")
            throw ExitCode(2)
        }
        format.emit(result.diagnostics)
        if !result.isValid { throw ExitCode(1) }
    }
}
