import Diagnostics

/// What SMF would run on one node: for every instance named after the node,
/// its start method as svc.startd would run it, in dependency order.
///
/// ```swift
/// let planner = NodePlanner(catalog: ServiceCatalog(bundles: bundles))
/// let result = planner.plan(node: "node1")
/// ```
/// Every instance of the node is planned whatever its `enabled` flag: the
/// generated manifests ship instances disabled and the node's profile enables them.
public struct NodePlanner: Sendable {
    public var catalog: ServiceCatalog
    /// `SMF_ZONENAME`; Linux and macOS have no zones, so `global`.
    public var zoneName: String

    public init(catalog: ServiceCatalog, zoneName: String = "global") {
        self.catalog = catalog
        self.zoneName = zoneName
    }

    public struct Result: Sendable {
        /// In the order the instances would start.
        public var entries: [PlanEntry]
        /// Every instance that could not be planned, and why.
        public var diagnostics: [Diagnostic]
        public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
    }

    public func plan(node: String) -> Result {
        var entries: [String: PlanEntry] = [:]
        var dependencies: [String: [String]] = [:]
        var diagnostics: [Diagnostic] = []
        var found = false

        for service in catalog.services {
            for instance in service.effectiveInstances where instance.name == node {
                found = true
                let fmri = "\(service.fmri):\(instance.name)"
                let composed = composedProperties(of: instance, in: service)
                dependencies[fmri, default: []] += Self.dependencies(in: composed)
                switch entry(fmri: fmri, service: service, instance: instance, composed: composed) {
                case .planned(let entry): entries[fmri] = entry
                case .failed(let diagnostic): diagnostics.append(diagnostic)
                }
                // A `dependent` elsewhere makes its target wait for this instance.
                for dependent in service.entity.dependents + instance.entity.dependents where dependent.delete != "true" {
                    if let target = dependent.fmri.flatMap({ Self.canonical($0.value) }) {
                        dependencies[target, default: []].append(fmri)
                    }
                }
            }
        }
        if !found {
            let known = Set(catalog.services.flatMap { $0.effectiveInstances.map(\.name) }).sorted()
            let listed = known.isEmpty ? "the manifests define no instances"
                : "the manifests define \(known.joined(separator: ", "))"
            diagnostics.append(.error(
                "no service has an instance named '\(node)'; \(listed)",
                rule: PlanRuleID.unknownNode, at: SourceLocation(file: "--node")))
        }

        let (order, cycle) = DependencyOrder.sort(Array(entries.keys), dependencies: dependencies)
        if !cycle.isEmpty {
            diagnostics.append(.error(
                "dependency cycle: these instances are on it or wait for it and would never start: \(cycle.joined(separator: ", "))",
                rule: PlanRuleID.cycle, at: SourceLocation(file: "--node")))
        }
        return Result(entries: order.compactMap { entries[$0] }, diagnostics: diagnostics)
    }

    private func entry(fmri: String, service: Service, instance: Instance, composed: [PropertyGroupView])
        -> Outcome
    {
        let fallback = instance.location ?? service.location ?? SourceLocation(file: fmri)
        guard let start = composed[group: "start"], let exec = start[property: "exec"]?.textValues.first else {
            return .failed(.error("\(fmri) has no start method (exec_method name='start')",
                                   rule: PlanRuleID.noStartMethod, at: fallback))
        }
        let execLocation = start[property: "exec"]?.location ?? fallback

        let context = MethodExpansionContext(
            serviceName: service.name, instanceName: instance.name, methodName: "start", composed: composed,
            resolveFMRI: { [catalog] parts in catalog.values(at: parts) })
        let command: String
        do {
            command = try expandMethodTokens(exec, for: context)
        } catch {
            return .failed(.error(
                "\(fmri): could not expand method tokens in \"\(exec)\": \(error)",
                rule: PlanRuleID.expansion, at: execLocation))
        }

        let timeoutText = start[property: "timeout_seconds"]?.textValues.first ?? "0"
        guard let timeout = Int(timeoutText) else {
            return .failed(.error("\(fmri): start timeout_seconds '\(timeoutText)' is not a number",
                                   rule: PlanRuleID.timeout, at: start[property: "timeout_seconds"]?.location ?? execLocation))
        }

        let resolution = MethodContextResolution(composed: composed, method: "start")
        let credentials: MethodContextResolution.Credentials
        do throws(MethodContextResolution.Failure) {
            credentials = try resolution.credentials()
        } catch {
            switch error {
            case .unknownUser(let user, let location):
                return .failed(.error(
                    "\(fmri): user '\(user)' is not in this host's passwd database; create it, or plan on a host that has it",
                    rule: PlanRuleID.unknownUser, at: location ?? execLocation))
            case .unknownGroup(let group, let location):
                return .failed(.error(
                    "\(fmri): group '\(group)' is not in this host's group database; create it, or plan on a host that has it",
                    rule: PlanRuleID.unknownGroup, at: location ?? execLocation))
            }
        }

        return .planned(PlanEntry(
            fmri: fmri, exec: command, user: credentials.user, group: credentials.group,
            workingDirectory: credentials.workingDirectory,
            environment: resolution.environment(fmri: fmri, zoneName: zoneName),
            timeoutSeconds: timeout))
    }

    enum Outcome {
        case planned(PlanEntry)
        case failed(Diagnostic)
    }

    /// The entities of every dependency group that orders startup.
    private static func dependencies(in composed: [PropertyGroupView]) -> [String] {
        composed.filter { $0.type == "dependency" }.flatMap { group -> [String] in
            if group[property: "grouping"]?.textValues.first == "exclude_all" { return [] }
            return (group[property: "entities"]?.textValues ?? []).compactMap(canonical)
        }
    }

    /// `svc:/service[:instance]`, whichever way the FMRI was written.
    static func canonical(_ text: String) -> String? {
        guard case .success(let parts) = FMRI.parseService(text) else { return nil }
        return parts.entityFMRI
    }
}
