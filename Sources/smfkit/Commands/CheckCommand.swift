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

    func run() throws {
        let result: CheckedDefinition
        do {
            result = try DefinitionChecker.check(DefinitionLoader.load(path: definition))
        } catch {
            writeToStandardError(error.description + "\n")
            throw ExitCode(2)
        }
        format.emit(result.diagnostics)
        if !result.isValid { throw ExitCode(1) }
    }
}
