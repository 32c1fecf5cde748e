import Foundation

/// A script that runs on the deploying host (the global zone), or on the
/// operator's machine, not on a node: it is written into the generated
/// tree, never into the package.
struct DeployingHostScript: Sendable {
    /// The text template in Templates/files/.
    let template: String
    /// Where `generate` writes it, relative to the output directory.
    let output: String
    /// Rendered once per host (`hosts`), each in its host's context
    /// (`TemplateContext.host(_:)`), into `output` with `<host>` replaced
    /// by the host's name.
    var perHost = false
    /// Whether the definition needs it.
    let isGenerated: @Sendable (ClusterDefinition) -> Bool

    static let all: [DeployingHostScript] = [
        DeployingHostScript(template: "deploy.sh.mustache", output: "deploy.sh") { !$0.hasHosts },
        // With hosts, each host's own zones, and the order across hosts.
        DeployingHostScript(template: "deploy.sh.mustache", output: "deploy-<host>.sh", perHost: true) { $0.hasHosts },
        DeployingHostScript(template: "deploy-hosts.sh.mustache", output: "deploy-hosts.sh") { $0.hasHosts },
        // The cluster CA and every certificate, made on the deploying host
        // with openssl: keys never exist on the machine that runs smfkit.
        DeployingHostScript(template: "certificates.sh.mustache", output: "tls/certificates.sh") { $0.tlsEnabled },
        // Plain replication: the operator's failover, from the definition's
        // primary to another node (docs/cluster-definition.md, "Streaming replication").
        DeployingHostScript(template: "failover.sh.mustache", output: "failover.sh") { $0.stack == .replication },
    ]

    /// The files this script is for `definition`: its output path and the
    /// context it is rendered in.
    func renderings(of definition: ClusterDefinition, context: TemplateContext) -> [(path: String, context: [String: Any])] {
        guard perHost else { return [(output, context.base)] }
        return definition.hosts.map { host in
            (output.replacingOccurrences(of: "<host>", with: host.name), context.host(host))
        }
    }
}
