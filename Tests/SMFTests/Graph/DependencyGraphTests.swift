import Diagnostics
import Foundation
import SMF
import TestSupport
import Testing

/// The dependency graph of manifests as svc.startd would hold it, and the
/// cycles it refuses.
@Suite struct DependencyGraphTests {
    static func bundle(_ body: String, path: String) throws -> ServiceBundle {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
            <service_bundle type="manifest" name="t">
            \(body)
            </service_bundle>
            """
        return try #require(SMFDocument.load(data: Data(text.utf8), path: path).bundle)
    }

    static func catalog(_ bodies: [String]) throws -> ServiceCatalog {
        ServiceCatalog(bundles: try bodies.enumerated().map { try bundle($0.element, path: "t\($0.offset).xml") })
    }

    /// Whether each member has an arc to the next (to it or to its service),
    /// and the last to the first: the reported path is a real cycle.
    static func isClosedPath(_ members: [String], in graph: DependencyGraph) -> Bool {
        zip(members, members.dropFirst() + members.prefix(1)).allSatisfy { from, to in
            let service = String(to[..<(to.lastIndex(of: ":") ?? to.endIndex)])
            return graph.arcs.contains { $0.from == from && ($0.to == to || $0.to == service) && $0.grouping != "exclude_all" }
        }
    }

    /// A service `name` with a default instance and dependencies on `needs`
    /// (FMRI and grouping pairs).
    static func service(_ name: String, needs: [(String, String)] = [], extra: String = "") -> String {
        let dependencies = needs.enumerated().map { index, need in
            """
            <dependency name="d\(index)" grouping="\(need.1)" restart_on="none" type="service">
              <service_fmri value="\(need.0)"/>
            </dependency>
            """
        }.joined(separator: "\n")
        return """
            <service name="\(name)" type="service" version="1">
              <create_default_instance enabled="true"/>
              \(dependencies)
              \(extra)
            </service>
            """
    }

    @Test func arcsCarryGroupingAndResolveTheirTargets() throws {
        let graph = DependencyGraph(catalog: try Self.catalog([
            Self.service("site/a", needs: [("svc:/site/b", "require_all"), ("svc:/milestone/network:default", "optional_all"),
                                           ("file://localhost/etc/a.conf", "require_all")]),
            Self.service("site/b"),
        ]))
        let arcs = graph.arcs.filter { $0.from == "svc:/site/a:default" }
        #expect(arcs.map(\.to) == ["svc:/site/b", "svc:/milestone/network:default", "file:///etc/a.conf"])
        #expect(arcs.map(\.grouping) == ["require_all", "optional_all", "require_all"])
        let kinds = Dictionary(uniqueKeysWithValues: graph.vertices.map { ($0.fmri, $0.kind) })
        #expect(kinds["svc:/site/b"] == .service)
        #expect(kinds["svc:/milestone/network:default"] == .unresolved)
        #expect(kinds["file:///etc/a.conf"] == .file)
        #expect(kinds["svc:/site/a:default"] == .instance(enabled: true))
        #expect(graph.cycles().isEmpty)
    }

    @Test func aDependentDeclaresTheDependencyOnTheTargetsSide() throws {
        let graph = DependencyGraph(catalog: try Self.catalog([
            Self.service("site/a", extra: """
                <dependent name="a_b" grouping="optional_all" restart_on="none">
                  <service_fmri value="svc:/site/b"/>
                </dependent>
                """),
            Self.service("site/b"),
        ]))
        let arc = try #require(graph.arcs.first { $0.name == "a_b" })
        #expect(arc.from == "svc:/site/b:default")
        #expect(arc.to == "svc:/site/a")
        #expect(arc.origin == .dependent(declaredBy: "svc:/site/a"))
    }

    @Test func aCycleIsFoundWithItsMembersInOrder() throws {
        let graph = DependencyGraph(catalog: try Self.catalog([
            Self.service("site/a", needs: [("svc:/site/b:default", "require_all")]),
            Self.service("site/b", needs: [("svc:/site/c", "optional_all")]),
            Self.service("site/c", needs: [("svc:/site/a:default", "require_any")]),
            Self.service("site/d", needs: [("svc:/site/a", "require_all")]),
        ]))
        let cycles = graph.cycles()
        #expect(cycles.map(\.members) == [["svc:/site/a:default", "svc:/site/b:default", "svc:/site/c:default"]])
        #expect(Self.isClosedPath(cycles[0].members, in: graph))
        let diagnostics = graph.cycleDiagnostics()
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.rule == DependencyGraph.cycleRule)
        #expect(diagnostics.first?.message.contains(
            "svc:/site/a:default -> svc:/site/b:default -> svc:/site/c:default -> svc:/site/a:default") == true)
        #expect(diagnostics.first?.location.file == "t0.xml")
    }

    /// graph.c does not follow exclusions: an exclude_all loop is no cycle;
    /// a dependency deleted by its manifest is not there at all.
    @Test func exclusionsAndDeletedDependenciesCloseNoCycle() throws {
        let graph = DependencyGraph(catalog: try Self.catalog([
            Self.service("site/a", needs: [("svc:/site/b", "exclude_all")]),
            Self.service("site/b", needs: [("svc:/site/a", "require_all")], extra: """
                <dependency name="gone" grouping="require_all" restart_on="none" type="service" delete="true">
                  <service_fmri value="svc:/site/a"/>
                </dependency>
                """),
        ]))
        #expect(graph.cycles().isEmpty)
        #expect(!graph.arcs.contains { $0.name == "gone" })
    }

    @Test func dependingOnItsOwnServiceIsACycle() throws {
        let graph = DependencyGraph(catalog: try Self.catalog([Self.service("site/a", needs: [("svc:/site/a", "require_all")])]))
        #expect(graph.cycles().map(\.members) == [["svc:/site/a:default"]])
    }

    /// Every illumos-gate bundle, imported together, graphs without a cycle
    /// (the gate boots), and every instance is a vertex.
    @Test(.needsCorpus) func theIllumosGateGraphsWithoutACycle() throws {
        let files = try Corpus.xmlFiles(under: ["illumos-gate"])
        let bundles = files.compactMap { SMFDocument.loadIfPossible(path: $0.path)?.bundle }
        #expect(bundles.count == files.count)
        let catalog = ServiceCatalog(bundles: bundles)
        let graph = DependencyGraph(catalog: catalog)
        #expect(graph.cycles().isEmpty, "\(graph.cycleDiagnostics().map(\.description))")
        let instances = catalog.services.reduce(0) { $0 + $1.effectiveInstances.count }
        #expect(graph.vertices.filter { if case .instance = $0.kind { true } else { false } }.count == instances)
        #expect(graph.arcs.count > 500)
    }

    /// A cycle planted in real manifests: ssh is made a dependency of what
    /// ssh itself waits for (the network milestone's chain), and the cycle
    /// names its members.
    @Test(.needsCorpus) func aCyclePlantedInTheGateIsFound() throws {
        let files = try Corpus.xmlFiles(under: ["illumos-gate"])
        var bundles = files.compactMap { SMFDocument.loadIfPossible(path: $0.path)?.bundle }
        // svc:/network/ssh:default requires svc:/system/filesystem/local; a
        // later bundle makes filesystem/local require ssh.
        bundles.append(try Self.bundle("""
            <service name="system/filesystem/local" type="service" version="1">
              <dependency name="planted" grouping="require_all" restart_on="none" type="service">
                <service_fmri value="svc:/network/ssh:default"/>
              </dependency>
            </service>
            """, path: "plant.xml"))
        let graph = DependencyGraph(catalog: ServiceCatalog(bundles: bundles))
        let cycles = graph.cycles()
        #expect(cycles.count == 1)
        let cycle = try #require(cycles.first)
        #expect(Self.isClosedPath(cycle.members, in: graph))
        #expect(cycle.members.contains("svc:/network/ssh:default"))
        #expect(cycle.members.contains("svc:/system/filesystem/local:default"))
        #expect(cycle.location?.file.hasPrefix(try Corpus.require().path) == true || cycle.location?.file == "plant.xml")
    }
}

extension SMFDocument {
    static func loadIfPossible(path: String) -> SMFDocument? { try? SMFDocument.load(path: path) }
}
