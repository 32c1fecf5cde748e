import Diagram

extension DependencyGraph {
    /// The graph as a picture: each service's instances grouped, dependency
    /// arcs labelled `name: grouping, restart_on`, arcs a `<dependent>`
    /// declared marked as such, optional and exclusion arcs dashed, disabled
    /// instances muted, unresolved FMRIs and the arcs of a cycle in alert.
    /// With `node`, only the instances of that name and what they point at.
    public func diagram(title: String, node: String? = nil) -> Diagram {
        let cycleArcs = Set(cycles().flatMap { cycle in
            zip(cycle.members, cycle.members.dropFirst() + [cycle.members[0]]).map { "\($0.0)\u{0}\($0.1)" }
        })
        var shownArcs = arcs
        if let node {
            shownArcs = arcs.filter { $0.from.hasSuffix(":" + node) }
        }
        let shownFMRIs = Set(shownArcs.flatMap { [$0.from, $0.to] })
        let shownVertices = vertices.filter { vertex in
            guard node != nil else { return true }
            if case .instance = vertex.kind, vertex.fmri.hasSuffix(":" + (node ?? "")) { return true }
            return shownFMRIs.contains(vertex.fmri)
        }

        var groups: [Diagram.Group] = []
        var groupIndex: [String: Int] = [:]
        var loose: [Diagram.Node] = []
        for vertex in shownVertices {
            switch vertex.kind {
            case .instance(let enabled):
                let service = String(vertex.fmri[..<(vertex.fmri.lastIndex(of: ":") ?? vertex.fmri.endIndex)])
                let instance = String(vertex.fmri[(vertex.fmri.lastIndex(of: ":").map { vertex.fmri.index(after: $0) }
                    ?? vertex.fmri.endIndex)...])
                let drawn = Diagram.Node(
                    id: vertex.fmri, lines: enabled == false ? [instance, "(disabled)"] : [instance],
                    style: enabled == false ? .muted : .normal)
                if let index = groupIndex[service] {
                    groups[index].nodes.append(drawn)
                } else {
                    groupIndex[service] = groups.count
                    groups.append(Diagram.Group(id: service, label: service, nodes: [drawn]))
                }
            case .service:
                loose.append(Diagram.Node(id: vertex.fmri, lines: [vertex.fmri, "(any instance)"], style: .external))
            case .file:
                loose.append(Diagram.Node(id: vertex.fmri, lines: [vertex.fmri], style: .external))
            case .unresolved:
                loose.append(Diagram.Node(id: vertex.fmri, lines: [vertex.fmri, "(not in these files)"], style: .external))
            }
        }

        let edges = shownArcs.map { arc -> Diagram.Edge in
            var label: String
            switch arc.origin {
            case .restarter: label = "restarter"
            case .dependency: label = "\(arc.name): \(arc.grouping), \(arc.restartOn)"
            case .dependent(let declarer):
                label = "\(arc.name): \(arc.grouping), \(arc.restartOn)\n(dependent declared by \(declarer))"
            }
            let onCycle = cycleArcs.contains("\(arc.from)\u{0}\(arc.to)")
                || (instancesOfService[arc.to] ?? []).contains { cycleArcs.contains("\(arc.from)\u{0}\($0)") }
            if onCycle { label += "\n(cycle)" }
            let soft = arc.grouping == "optional_all" || arc.grouping == "exclude_all"
            return Diagram.Edge(
                from: arc.from, to: arc.to, label: label,
                style: onCycle ? .alert : (arc.grouping == "optional_all" ? .muted : .normal), dashed: soft)
        }
        return Diagram(title: title, direction: .leftToRight, groups: groups, nodes: loose, edges: edges)
    }
}
