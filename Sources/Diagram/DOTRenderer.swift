/// Graphviz DOT text for a diagram (https://graphviz.org/doc/info/lang.html).
/// Identifiers and labels are always double-quoted and escaped, so any FMRI
/// or file name is safe; output is deterministic (the diagram's order).
public enum DOTRenderer {
    public static func render(_ diagram: Diagram) -> String {
        var lines = ["digraph \(quote(diagram.title)) {"]
        lines.append("  rankdir=\(diagram.direction == .leftToRight ? "LR" : "TB");")
        lines.append("  label=\(quote(diagram.title)); labelloc=t; fontname=\"Helvetica\";")
        lines.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=11];")
        lines.append("  edge [fontname=\"Helvetica\", fontsize=9];")
        for node in diagram.nodes { lines.append("  " + statement(for: node)) }
        for group in diagram.groups { lines += render(group, indent: "  ") }
        for edge in diagram.edges { lines.append("  " + statement(for: edge)) }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ group: Diagram.Group, indent: String) -> [String] {
        var lines = ["\(indent)subgraph \(quote("cluster_" + group.id)) {"]
        lines.append("\(indent)  label=\(quote(group.label)); style=rounded; color=\"#888888\";")
        for node in group.nodes { lines.append(indent + "  " + statement(for: node)) }
        for inner in group.groups { lines += render(inner, indent: indent + "  ") }
        lines.append("\(indent)}")
        return lines
    }

    private static func statement(for node: Diagram.Node) -> String {
        var attributes = ["label=\(quote(node.lines.joined(separator: "\n")))"]
        switch node.style {
        case .normal: break
        case .muted: attributes += ["fillcolor=\"#eeeeee\"", "fontcolor=\"#666666\""]
        case .alert: attributes += ["color=\"#cc0000\"", "fontcolor=\"#cc0000\"", "style=\"rounded,dashed\""]
        case .external: attributes += ["shape=ellipse", "style=filled", "fillcolor=\"#f4f4f4\""]
        }
        return "\(quote(node.id)) [\(attributes.joined(separator: ", "))];"
    }

    private static func statement(for edge: Diagram.Edge) -> String {
        var attributes: [String] = []
        if let label = edge.label { attributes.append("label=\(quote(label))") }
        if edge.dashed { attributes.append("style=dashed") }
        if edge.undirected { attributes.append("dir=none") }
        switch edge.style {
        case .normal: break
        case .muted: attributes.append("color=\"#999999\"")
        case .alert: attributes += ["color=\"#cc0000\"", "fontcolor=\"#cc0000\"", "penwidth=2"]
        case .external: attributes.append("color=\"#666666\"")
        }
        let list = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
        return "\(quote(edge.from)) -> \(quote(edge.to))\(list);"
    }

    /// A DOT double-quoted string: `"` and `\` escaped, a newline as `\n`.
    static func quote(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": continue
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
