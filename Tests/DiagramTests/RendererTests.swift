import Diagram
import Foundation
import Testing

/// The DOT and Mermaid renderers: escaping, nesting, styles, and the real
/// `dot` reading what DOTRenderer writes.
@Suite struct RendererTests {
    static let diagram = Diagram(
        title: "a \"quoted\" title",
        groups: [Diagram.Group(id: "host", label: "host: h1", groups: [
            Diagram.Group(id: "zone", label: "zone z1", nodes: [
                Diagram.Node(id: "svc:/network/etcd:z1", lines: ["etcd", "back\\slash"]),
            ]),
        ])],
        nodes: [Diagram.Node(id: "file:///etc/x", lines: ["file:///etc/x"], style: .external)],
        edges: [Diagram.Edge(from: "svc:/network/etcd:z1", to: "file:///etc/x", label: "needs\n\"it\"", style: .alert,
                             dashed: true)])

    @Test func dotQuotesEverythingAndNestsClusters() {
        let dot = DOTRenderer.render(Self.diagram)
        #expect(dot.hasPrefix("digraph \"a \\\"quoted\\\" title\" {\n"))
        #expect(dot.contains("subgraph \"cluster_host\" {"))
        #expect(dot.contains("    subgraph \"cluster_zone\" {"))
        #expect(dot.contains("\"svc:/network/etcd:z1\" [label=\"etcd\\nback\\\\slash\"];"))
        #expect(dot.contains("\"svc:/network/etcd:z1\" -> \"file:///etc/x\" [label=\"needs\\n\\\"it\\\"\", style=dashed"))
        #expect(DOTRenderer.render(Self.diagram) == dot)
    }

    @Test func graphvizReadsTheDOT() throws {
        guard Graphviz.dotExecutable() != nil else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "Graphviz is needed (apt-get install graphviz)")
            return
        }
        let svg = try Graphviz.svg(fromDOT: DOTRenderer.render(Self.diagram))
        #expect(svg.contains("<svg"))
        #expect(svg.contains("svc:/network/etcd:z1"))
        #expect(svg.contains("zone z1"))
    }

    @Test func aBrokenDOTIsAClearFailure() {
        guard Graphviz.dotExecutable() != nil else { return }
        #expect(throws: Graphviz.Failure.self) { try Graphviz.svg(fromDOT: "digraph {") }
    }

    @Test func mermaidUsesShortIdsAndEntityQuotes() {
        let mermaid = MermaidRenderer.render(Self.diagram)
        let lines = mermaid.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart LR")
        #expect(lines.contains("  n1([\"file:///etc/x\"])"))
        #expect(lines.contains("  subgraph g1[\"host: h1\"]"))
        #expect(lines.contains("      n2[\"etcd<br/>back\\slash\"]"))
        #expect(lines.contains("  n2 -.->|\"needs<br/>#quot;it#quot;\"| n1"))
        #expect(lines.contains("  linkStyle 0 stroke:#cc0000,stroke-width:2px"))
        #expect(!mermaid.contains("svc:/network/etcd:z1 "))
    }
}
