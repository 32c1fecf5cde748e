import Diagnostics
import Foundation

/// A `ClusterSummary` as `smfkit check` prints it: a few lines of text, or
/// JSON for a program.
public enum SummaryFormatter {
    public static func text(_ summary: ClusterSummary) -> String {
        let zones = summary.hosts.flatMap(\.zones)
        var lines: [String] = []
        lines.append("\(summary.cluster): a \(summary.stack) cluster of \(zones.count) node\(zones.count == 1 ? "" : "s"), "
                     + "each in a zone named after it")
        for host in summary.hosts {
            lines.append("  on \(host.name):")
            let width = host.zones.map(\.name.count).max() ?? 0
            for zone in host.zones {
                lines.append("    \(zone.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(zone.address)")
            }
        }
        lines.append("clients connect to:")
        for client in summary.clients { lines.append("  \(client.description)  (\(client.instance))") }
        lines.append("daemons on every node (paths inside its zone):")
        for daemon in summary.daemons {
            let ports = daemon.listeners.map { ":\($0.port) \($0.purpose)" }.joined(separator: ", ")
            lines.append("  \(daemon.kind)  \(daemon.service)" + (ports.isEmpty ? "" : "  \(ports)"))
            for data in daemon.data { lines.append("    data on \(data.node): \(data.path)") }
        }
        let tribblix = summary.tribblix
        lines.append("Tribblix: overlay \(tribblix.overlay) (requires \(tribblix.requiredOverlays.joined(separator: ", "))) "
                     + "installs \(tribblix.packages.joined(separator: ", "))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"diagnostics": [...], "summary": {...} | null}` — check's JSON shape.
    public static func json(_ summary: ClusterSummary?, diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(CheckReport(diagnostics: diagnostics, summary: summary))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// What `smfkit check --format json` prints: every finding, and the summary
/// when the definition is valid (null otherwise).
struct CheckReport: Encodable {
    var diagnostics: [Diagnostic]
    var summary: ClusterSummary?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(summary, forKey: .summary)
    }

    private enum CodingKeys: String, CodingKey { case diagnostics, summary }
}
