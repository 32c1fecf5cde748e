import Foundation
import Testing
@testable import Cluster

/// With hosts, check's summary and the topology `smfkit graph` draws put
/// each zone on its own host; without, on the one host that runs deploy.sh.
@Suite struct HostTopologyTests {
    static func summary(_ text: String) throws -> String {
        let loaded = try #require(DefinitionLoader.load(text: text, file: "test.yaml").loaded)
        return SummaryFormatter.text(try SummaryBuilder.summary(of: loaded.definition, templates: try TemplateSet.builtIn()))
    }

    @Test func theSummaryShowsEachHostWithItsZones() throws {
        let example = try String(contentsOfFile: Fixtures.path("Examples/three-host-patroni.yaml"), encoding: .utf8)
        let text = try Self.summary(example)
        #expect(text.contains("""
              on alpha:
                node1  10.1.1.11  etcd, patroni, haproxy
              on beta:
                node2  10.1.1.12  etcd, patroni, haproxy
              on gamma:
                node3  10.1.1.13  etcd
                node4  10.1.1.14  patroni, haproxy

            """))
        let oneHost = try Self.summary(validHead)
        #expect(oneHost.contains("  on the host that runs deploy.sh:\n"))
        #expect(oneHost.contains("  (one host: the cluster survives no host failure; spread it with `hosts`)\n"))
        #expect(!(try Self.summary(hostsHead)).contains("one host:"))
    }

    @Test func theTopologyGroupsZonesByHostInTheListsOrder() throws {
        let text = hostsHead.replacingFirst("host: alpha", "host: gamma")
        let loaded = try #require(DefinitionLoader.load(text: text, file: "test.yaml").loaded)
        let topology = try TopologyBuilder.topology(of: loaded.definition, templates: try TemplateSet.builtIn())
        // alpha holds no node now: it is left out.
        #expect(topology.hosts.map(\.name) == ["beta", "gamma"])
        #expect(topology.hosts.map { $0.zones.map(\.name) } == [["node2"], ["node1", "node3"]])
    }
}
