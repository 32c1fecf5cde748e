import ArgumentParser
import Diagnostics
import Foundation
import Output
import SMF

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what SMF would run on a node, read from SMF XML.",
        discussion: """
            For every instance named NODE, in dependency order: the start method's \
            command after method-token expansion as svc.startd does it (%{pg/prop}, \
            %i, %f, … with values shell-escaped), the user, group and working \
            directory it runs with (:default and :home resolved through this host's \
            passwd database), its environment (method_environment plus SMF_FMRI, \
            SMF_METHOD, SMF_RESTARTER, SMF_ZONENAME) and its timeout.

            A directory stands for the *.xml files in its manifests/ subdirectory \
            (what smfkit generate writes) or, without one, in itself. Files read \
            later override earlier ones, as svccfg import and apply would.

            Exit status: 0 planned, 1 something cannot be planned (unknown token, \
            missing property or user, no such node, not SMF XML), 2 usage or I/O error.

            Example:  smfkit plan out --node node1 --format json
            """
    )

    @Argument(help: "A directory smfkit generate wrote, or SMF XML files.")
    var inputs: [String] = []

    @Option(help: "The node (instance name) to plan.")
    var node: String

    @Option(help: "text: a readable listing; json: an array of objects on stdout.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("The zone the node runs in, for SMF_ZONENAME (default: the node's name for a directory smfkit generate wrote, whose deploy.sh names each zone after its node; else global).", valueName: "name"))
    var zone: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name a directory or at least one SMF XML file") }
    }

    func run() throws {
        let bundles = try readBundles(inputs)
        let zoneName = zone ?? (GeneratedLayout.isGeneratedCluster(inputs) ? node : "global")
        let result = NodePlanner(catalog: ServiceCatalog(bundles: bundles), zoneName: zoneName).plan(node: node)
        guard result.isValid else {
            writeToStandardError(DiagnosticFormatter.text(result.diagnostics))
            throw ExitCode(1)
        }
        switch format {
        case .text: print(PlanFormatter.text(result.entries), terminator: "")
        case .json: print(PlanFormatter.json(result.entries), terminator: "")
        }
    }
}
