import Diagnostics
import SMF

/// The manifests and profile read into instances, as svc.startd's graph
/// would hold them after `svccfg import` and `svccfg apply`.
struct RunInput {
    var catalog: ServiceCatalog
    var definitions: [InstanceDefinition]
    /// Instances on a dependency cycle, each with the cycle it is on.
    var cycles: [String: [String]]

    enum Failure: Error {
        /// Paths that cannot be read (usage or I/O).
        case unreadable([Diagnostic])
        /// Files that are not valid SMF XML, or nothing to run.
        case invalid([Diagnostic])
    }

    static func load(_ configuration: RunConfiguration) -> Result<RunInput, Failure> {
        let loaded = PlanInput.load(configuration.inputs + (configuration.profile.map { [$0] } ?? []),
                                    preferring: configuration.manifestsFolder)
        if !loaded.unreadable.isEmpty { return .failure(.unreadable(loaded.unreadable + loaded.diagnostics)) }
        if !loaded.diagnostics.isEmpty { return .failure(.invalid(loaded.diagnostics)) }
        let catalog = ServiceCatalog(bundles: loaded.bundles)
        let definitions = InstanceDefinition.all(in: catalog, node: configuration.node)
        if definitions.isEmpty {
            let what = configuration.node.map { "no service has an instance named '\($0)'; name a node the manifests define" }
                ?? "the manifests define no instances; add an <instance> or create_default_instance"
            return .failure(.invalid([.error(what, rule: PlanRuleID.unknownNode, at: SourceLocation(file: "--node"))]))
        }
        var cycles: [String: [String]] = [:]
        for cycle in DependencyGraph(catalog: catalog).cycles() {
            for member in cycle.members { cycles[member] = cycle.members + [cycle.members[0]] }
        }
        return .success(RunInput(catalog: catalog, definitions: definitions, cycles: cycles))
    }
}
