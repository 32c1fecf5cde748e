import ArgumentParser
import Cluster
import Diagnostics
import Diagram
import Foundation
import SMF

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the dependency graph of SMF manifests, or a cluster definition's topology.",
        discussion: """
            Given SMF XML (files, or a directory as for plan): every instance and \
            what it waits for, as svc.startd's graph holds them — each dependency \
            labelled with its name, grouping and restart_on, dependencies that a \
            <dependent> element declared marked so, optional and exclusion \
            dependencies dashed, disabled instances grey, FMRIs that none of the \
            files define in red. A dependency cycle is an error (svc.startd would \
            never start its members): it is listed on stderr and drawn in red.

            Given a cluster definition (*.yaml): the cluster's hosts, the zone of \
            each node with its address, the SMF instance of each daemon with its \
            ports, and who connects to whom.

            The picture is written to stdout as Graphviz DOT, as SVG (laid out by \
            Graphviz's dot, which must be installed), or as a Mermaid flowchart.

            Exit status: 0 drawn, 1 a dependency cycle or an invalid definition, \
            2 usage error, unreadable input, or dot missing for --format svg.

            Examples:  smfkit graph out/manifests --format svg > deps.svg
                       smfkit graph Examples/patroni.yaml --format svg > topology.svg
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, svg, mermaid
    }

    @Argument(help: "SMF manifests and profiles or a directory of them, or one cluster definition (.yaml).")
    var inputs: [String] = []

    @Option(help: "dot, svg (through Graphviz's dot) or mermaid.")
    var format: Format = .dot

    @Option(help: "Only the instances named NODE and what they depend on (manifests only).")
    var node: String?

    @Option(help: ArgumentHelp("Service templates for a definition's topology instead of the built-in ones.", valueName: "dir"))
    var templates: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name SMF XML files, a directory, or a cluster definition") }
    }

    func run() throws {
        let isDefinition = inputs.count == 1 && (inputs[0].hasSuffix(".yaml") || inputs[0].hasSuffix(".yml"))
        let (diagram, problems) = try isDefinition ? topology(of: inputs[0]) : dependencies()
        try emit(diagram)
        writeToStandardError(DiagnosticFormatter.text(problems))
        if !problems.isEmpty { throw ExitCode(1) }
    }

    private func dependencies() throws -> (Diagram, [Diagnostic]) {
        let bundles = try readBundles(inputs)
        let graph = DependencyGraph(catalog: ServiceCatalog(bundles: bundles))
        return (graph.diagram(title: "SMF dependencies", node: node), graph.cycleDiagnostics())
    }

    private func topology(of path: String) throws -> (Diagram, [Diagnostic]) {
        let templateSet: TemplateSet
        let load: CheckedDefinition
        do {
            templateSet = try templates.map(TemplateSet.load(directory:)) ?? TemplateSet.builtIn()
            load = try DefinitionChecker.check(DefinitionLoader.load(path: path), templates: templateSet)
        } catch let error as TemplateError {
            writeToStandardError(error.description + "\n")
            throw ExitCode(2)
        } catch {
            writeToStandardError("\(error)\n")
            throw ExitCode(2)
        }
        guard load.isValid, let definition = load.loaded?.definition else {
            writeToStandardError(DiagnosticFormatter.text(load.diagnostics))
            throw ExitCode(1)
        }
        do {
            return (try TopologyBuilder.topology(of: definition, templates: templateSet).diagram(), [])
        } catch {
            writeToStandardError(DiagnosticFormatter.text(error.diagnostics))
            throw ExitCode(2)
        }
    }

    private func emit(_ diagram: Diagram) throws {
        switch format {
        case .dot: writeToStandardOutput(DOTRenderer.render(diagram))
        case .mermaid: writeToStandardOutput(MermaidRenderer.render(diagram))
        case .svg:
            do {
                writeToStandardOutput(try Graphviz.svg(fromDOT: DOTRenderer.render(diagram)))
            } catch {
                writeToStandardError("error: \(error)\n")
                throw ExitCode(2)
            }
        }
    }
}
