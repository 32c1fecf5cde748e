import Diagnostics
import Foundation

/// A `ClusterSummary` as `smfkit check` prints it: a few lines of text.
public enum SummaryFormatter {
    public static func text(_ summary: ClusterSummary) -> String {
        let zones = summary.hosts.flatMap(\.zones)
        // With roles, a zone that runs only some daemons says which.
        let kinds = summary.daemons.map(\.kind)
        let uniform = zones.allSatisfy { $0.daemons.map(\.kind) == kinds }
        var lines: [String] = []
        let article = summary.stack.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        lines.append("\(summary.cluster): \(article) \(summary.stack) cluster of \(zones.count) node\(zones.count == 1 ? "" : "s"), "
                     + "each in a zone named after it")
        for host in summary.hosts {
            lines.append("  on \(host.name):")
            let width = host.zones.map(\.name.count).max() ?? 0
            for zone in host.zones {
                let line = "    \(zone.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(zone.address)"
                lines.append(uniform ? line : line + "  " + zone.daemons.map(\.kind).joined(separator: ", "))
            }
        }
        // Not a warning: a lab or a walk-through is one host on purpose, and
        // with `hosts` cluster.placement.host-failure warns already. But the
        // reader of a summary should not take one host for high availability.
        if summary.hosts.count == 1, zones.count > 1 {
            lines.append("  (one host: the cluster survives no host failure; spread it with `hosts`)")
        }
        lines.append("clients connect to:")
        for client in summary.clients { lines.append("  \(client.description)  (\(client.instance))") }
        lines.append(uniform ? "daemons on every node (paths inside its zone):" : "daemons (paths inside their zones):")
        for daemon in summary.daemons {
            let ports = daemon.listeners.map { ":\($0.port) \($0.purpose)" }.joined(separator: ", ")
            lines.append("  \(daemon.kind)  \(daemon.service)" + (ports.isEmpty ? "" : "  \(ports)"))
            for data in daemon.data { lines.append("    data on \(data.node): \(data.path)") }
        }
        if !summary.storage.isEmpty { lines.append("storage: \(summary.storage)") }
        if !summary.externalEtcd.isEmpty { lines.append("etcd: \(summary.externalEtcd)") }
        // With one overlay every zone gets it; with several, each says whose zones.
        for tribblix in summary.tribblix {
            let whose = summary.tribblix.count > 1 ? " for \(tribblix.nodes.joined(separator: ", "))" : ""
            lines.append("Tribblix: overlay \(tribblix.overlay)\(whose) (requires "
                         + "\(tribblix.requiredOverlays.joined(separator: ", "))) installs \(tribblix.packages.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
