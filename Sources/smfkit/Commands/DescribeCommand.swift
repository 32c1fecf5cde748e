import ArgumentParser
import Diagnostics
import Foundation
import SMF

struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show each instance's composed properties with what its templates say of them.",
        discussion: """
            For every instance of the given manifests and profiles (or one, with \
            --instance): each property group as the instance composes it (its own \
            groups over its service's), each property's type and values, and — \
            where a template's pg_pattern or prop_pattern covers it — the common \
            name, description, units, whether it is required, its cardinality and \
            its allowed values: what `svccfg describe -v` shows on a live system.

            Exit status: 0 described, 1 not SMF XML or no such instance, 2 usage or \
            I/O error.

            Example:  smfkit describe out/manifests/etcd.xml --instance svc:/network/pgha/etcd:node1
            """
    )

    @Argument(help: "SMF manifests and profiles, or a directory of them (as for plan).")
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Only this instance (an FMRI).", valueName: "fmri"))
    var instance: String?

    @Option(help: "text: svccfg describe's layout; json: an array of objects.")
    var format: ReportFormat = .text

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name a directory or at least one SMF XML file") }
    }

    func run() throws {
        let bundles = try readBundles(inputs)
        let descriptions = Describer.describe(ServiceCatalog(bundles: bundles), instance: instance)
        if descriptions.isEmpty {
            writeToStandardError("error: \(instance.map { "no instance \($0) in these files" } ?? "these files define no instance")\n")
            throw ExitCode(1)
        }
        switch format {
        case .text: writeToStandardOutput(DescriptionFormatter.text(descriptions))
        case .json: writeToStandardOutput(DescriptionFormatter.json(descriptions))
        }
    }
}
