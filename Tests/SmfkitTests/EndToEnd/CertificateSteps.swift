import Foundation

/// deploy.sh's TLS phase on one host without zones: the generated
/// `tls/certificates.sh issue`, then `install NODE` for each node through a
/// zlogin that runs the command here (PGHA_ZLOGIN), as root. Both loopback
/// clusters (patroni's and etcd's) prepare their nodes this way.
enum CertificateSteps {
    /// Makes (or renews) the CA and every certificate.
    static func issue(_ script: String) throws {
        let issued = try Command.run("/bin/sh", [script, "issue"], timeout: 120)
        guard issued.succeeded else { throw E2EFailure("certificates.sh issue failed: \(issued.stderr)") }
    }

    /// Installs each node's files; `zlogin` is where the stand-in is written.
    static func install(_ script: String, nodes: [String], zlogin: String) throws {
        try "#!/bin/sh\n# zlogin ZONE COMMAND, for one host without zones: runs COMMAND here.\nexec /bin/sh -c \"$2\"\n"
            .write(toFile: zlogin, atomically: true, encoding: .utf8)
        chmod(zlogin, 0o755)
        for node in nodes {
            let run = try Command.run("/bin/sh", [script, "install", node], environment: ["PGHA_ZLOGIN": zlogin],
                                      timeout: 60)
            guard run.succeeded else { throw E2EFailure("certificates.sh install \(node) failed: \(run.stderr)") }
        }
    }
}
