/// Mermaid flowchart text for a diagram (https://mermaid.js.org/syntax/flowchart.html),
/// which GitHub and many wikis draw from a fenced ```mermaid block. Node ids
/// are replaced by short generated ones (`n1`, `n2`, …) since Mermaid ids
/// cannot hold the characters of an FMRI; labels are quoted, with `#quot;` for
/// a quote and `<br/>` for a line break.
public enum MermaidRenderer {
    public static func render(_ diagram: Diagram) -> String {
        var ids: [String: String] = [:]
        for (index, node) in diagram.allNodes.enumerated() { ids[node.id] = "n\(index + 1)" }
        var groupCount = 0
        var lines = ["flowchart \(diagram.direction == .leftToRight ? "LR" : "TB")"]
        lines.append("  %% \(diagram.title.replacing("\n", with: " "))")
        for node in diagram.nodes { lines.append("  " + statement(for: node, id: ids[node.id] ?? node.id)) }
        func render(_ group: Diagram.Group, indent: String) {
            groupCount += 1
            lines.append("\(indent)subgraph g\(groupCount)[\(quote(group.label))]")
            for node in group.nodes { lines.append(indent + "  " + statement(for: node, id: ids[node.id] ?? node.id)) }
            for inner in group.groups { render(inner, indent: indent + "  ") }
            lines.append("\(indent)end")
        }
        for group in diagram.groups { render(group, indent: "  ") }
        var styled: [Diagram.Style: [String]] = [:]
        for node in diagram.allNodes where node.style != .normal { styled[node.style, default: []].append(ids[node.id] ?? node.id) }
        for (index, edge) in diagram.edges.enumerated() {
            let from = ids[edge.from] ?? edge.from, to = ids[edge.to] ?? edge.to
            let arrow = edge.undirected ? (edge.dashed ? "-.-" : "---") : (edge.dashed ? "-.->" : "-->")
            let label = edge.label.map { "|\(quote($0))|" } ?? ""
            lines.append("  \(from) \(arrow)\(label) \(to)")
            if edge.style == .alert { lines.append("  linkStyle \(index) stroke:#cc0000,stroke-width:2px") }
        }
        let classes: [(Diagram.Style, String)] = [
            (.muted, "fill:#eeeeee,color:#666666"), (.alert, "stroke:#cc0000,color:#cc0000,stroke-dasharray:4"),
            (.external, "fill:#f4f4f4"),
        ]
        for (style, css) in classes {
            guard let members = styled[style] else { continue }
            lines.append("  classDef \(style.rawValue) \(css)")
            lines.append("  class \(members.joined(separator: ",")) \(style.rawValue)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func statement(for node: Diagram.Node, id: String) -> String {
        let text = node.lines.joined(separator: "\n")
        return node.style == .external ? "\(id)([\(quote(text))])" : "\(id)[\(quote(text))]"
    }

    /// A Mermaid quoted label: `"` becomes the entity `#quot;`, a line break `<br/>`.
    static func quote(_ text: String) -> String {
        "\"" + text.replacing("\"", with: "#quot;").replacing("\n", with: "<br/>") + "\""
    }
}
