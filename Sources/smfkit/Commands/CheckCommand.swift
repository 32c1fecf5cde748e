import ArgumentParser
import Cluster
import Diagnostics
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load and check cluster definitions; generate nothing.",
        discussion: """
            Reports every problem at once, one per line on stderr, as \
            FILE:LINE:COL: error: MESSAGE [rule-id]. Warnings do not fail the check \
            unless --strict.

            On success (text format) it prints what it understood, on stdout: the nodes (each a \
            zone named after it) and their addresses, where clients connect, each \
            daemon's ports and data directory on every node, and the Tribblix \
            overlay with the packages and overlays it needs.

            Given several definitions, it checks each, then them together: two \
            PostgreSQL clusters that use the same etcd must keep their keys under \
            different scopes (patroni's namespace and scope, stolon's cluster name; \
            cluster.etcd.shared-scope).

            Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file.

            Examples: smfkit check cluster.yaml
                      smfkit check etcd.yaml orders.yaml billing.yaml
            """
    )

    @Argument(help: "The cluster definitions (YAML), one or more.")
    var definitions: [String]

    @Option(help: "text: diagnostics on stderr and the summary on stdout; json, sarif, github: the diagnostics only, as validate gives them.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too: settings the stack ignores, Tribblix overlays it does not ship.")
    var strict = false

    @Option(help: ArgumentHelp("Check against the service templates in this directory (their daemons' ports).",
                               valueName: "dir"))
    var templates: String?

    func validate() throws {
        if definitions.isEmpty { throw ValidationError("Give at least one cluster definition.") }
    }

    func run() throws {
        let checked: CheckedDefinitions
        let templateSet: TemplateSet
        do {
            templateSet = try templates.map(TemplateSet.load(directory:)) ?? TemplateSet.builtIn()
            checked = try DefinitionChecker.check(paths: definitions, templates: templateSet)
        } catch let error as TemplateError {
            format.emit(error.diagnostics)
            throw ExitCode(2)
        } catch {
            writeToStandardError("\(error)\n")
            throw ExitCode(2)
        }
        format.emit(checked.diagnostics)
        // The summary is for a reader; every machine format stays the
        // diagnostics alone, the shape all of smfkit's commands share.
        if format == .text {
            for (path, result) in zip(definitions, checked.each) {
                guard let definition = result.valid,
                      let summary = try? SummaryBuilder.summary(of: definition, templates: templateSet) else { continue }
                if definitions.count > 1 { writeToStandardOutput("== \(path)\n") }
                writeToStandardOutput(SummaryFormatter.text(summary))
            }
        }
        if checked.fails(strict: strict) { throw ExitCode(1) }
    }
}
