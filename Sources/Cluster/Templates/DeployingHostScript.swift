/// A script that runs on the deploying host (the global zone), not on a
/// node: it is written into the generated tree, never into the package.
struct DeployingHostScript: Sendable {
    /// The text template in Templates/files/.
    let template: String
    /// Where `generate` writes it, relative to the output directory.
    let output: String
    /// Whether the definition needs it.
    let isGenerated: @Sendable (ClusterDefinition) -> Bool

    static let all: [DeployingHostScript] = [
        DeployingHostScript(template: "deploy.sh.mustache", output: "deploy.sh") { _ in true },
        // The cluster CA and every certificate, made on the deploying host
        // with openssl: keys never exist on the machine that runs smfkit.
        DeployingHostScript(template: "certificates.sh.mustache", output: "tls/certificates.sh") { $0.tlsEnabled },
        // Plain replication: the operator's failover, from the definition's
        // primary to another node (docs/cluster-definition.md, "Streaming replication").
        DeployingHostScript(template: "failover.sh.mustache", output: "failover.sh") { $0.stack == .replication },
    ]
}
