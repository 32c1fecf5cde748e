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
            FILE:LINE:COL: error: MESSAGE [rule-id]. Warnings do not fail the check \
            unless --strict.

            On success (text format) it prints what it understood, on stdout: the nodes (each a \
            zone named after it) and their addresses, where clients connect, each \
            daemon's ports and data directory on every node, and the Tribblix \
            overlay with the packages and overlays it needs.

            Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file.

            Example:  smfkit check cluster.yaml
            """
    )

    @Argument(help: "The cluster definition (YAML).")
    var definition: String

    @Option(help: "text: diagnostics on stderr and the summary on stdout; json, sarif, github: the diagnostics only, as validate gives them.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too: settings the stack ignores, Tribblix overlays it does not ship.")
    var strict = false

    @Option(help: ArgumentHelp("Check against the service templates in this directory (their daemons' ports).",
                               valueName: "dir"))
    var templates: String?

    func run() throws {
        let result: CheckedDefinition
        let templateSet: TemplateSet
        do {
            templateSet = try templates.map(TemplateSet.load(directory:)) ?? TemplateSet.builtIn()
            result = DefinitionChecker.check(try DefinitionLoader.load(path: definition), templates: templateSet)
        } catch let error as TemplateError {
            format.emit(error.diagnostics)
            throw ExitCode(2)
        } catch {
            writeToStandardError("\(error)\n")
            throw ExitCode(2)
        }
        format.emit(result.diagnostics)
        // The summary is for a reader; every machine format stays the
        // diagnostics alone, the shape all of smfkit's commands share.
        if format == .text, let definition = result.valid,
           let summary = try? SummaryBuilder.summary(of: definition, templates: templateSet) {
            writeToStandardOutput(SummaryFormatter.text(summary))
        }
        if !result.isValid { throw ExitCode(1) }
        if strict, result.diagnostics.contains(where: { $0.severity == .warning }) { throw ExitCode(1) }
    }
}
