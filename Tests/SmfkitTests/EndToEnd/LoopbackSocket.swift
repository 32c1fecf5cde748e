import Cluster
import SMF
import Foundation
import TestSupport

/// Who may reach a node's PostgreSQL over its Unix socket (issue 11): the
/// socket and data directories are private to the service account, and no
/// pg_hba line trusts anyone.
extension LoopbackCluster {
    /// The socket directory: the data directory's parent
    /// (`unix_socket_directories: ".."`).
    func socketDirectory(of node: Cluster.Node) -> String? {
        dataDirectory[node.name].map { ($0 as NSString).deletingLastPathComponent }
    }

    /// `psql` over `node`'s socket as the local `account`, with the
    /// superuser's password or none.
    func connectOverSocket(_ node: Cluster.Node, as account: String, withPassword: Bool) throws -> ProcessRun {
        guard let directory = socketDirectory(of: node) else { throw E2EFailure("no data directory for \(node.name)") }
        guard let user = Accounts.user(account) else { throw E2EFailure("no account \(account)") }
        return try Command.run(
            E2EPrerequisites.setpriv,
            ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", E2EPrerequisites.psql,
             "-X", "-w", "-q", "-A", "-t", "-h", directory, "-p", String(definition.postgres.port),
             "-U", definition.postgres.superuser, "-d", "postgres", "-c", "select 1"],
            environment: withPassword ? ["PGPASSWORD": superuserPassword, "PGCONNECT_TIMEOUT": "2"]
                : ["PGCONNECT_TIMEOUT": "2"],
            timeout: 10)
    }

    /// The lines of `node`'s pg_hba.conf that trust a connection.
    func trustLines(on node: Cluster.Node) throws -> [String] {
        guard let data = dataDirectory[node.name] else { throw E2EFailure("no data directory for \(node.name)") }
        let text = try String(contentsOfFile: data + "/pg_hba.conf", encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { line in
            let fields = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .split(whereSeparator: \.isWhitespace) ?? []
            return fields.contains("trust")
        }
    }

    /// Permission bits of a path.
    func mode(of path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }
}
