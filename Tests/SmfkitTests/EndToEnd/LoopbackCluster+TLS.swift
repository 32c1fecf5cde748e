import Cluster
import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// TLS on the loopback cluster (issue 13): the generated certificate script
/// run for real, and the clients the test uses, each with the credentials an
/// operator would have.
extension LoopbackCluster {
    /// tls.ca_dir of the test's definition: the CA and every issued file.
    var caDirectory: String { path("ca") }

    /// The operator's client certificate (admin), issued by the script.
    var restClient: TLSClientIdentity? {
        guard definition.tlsEnabled else { return nil }
        return TLSClientIdentity(caFile: caDirectory + "/ca.crt", certificateFile: caDirectory + "/admin.crt",
                                 keyFile: caDirectory + "/admin.key")
    }

    /// libpq's settings for every client connection: the password, and with
    /// TLS `sslmode=verify-full` against the cluster's CA.
    var clientEnvironment: [String: String] {
        var environment = ["PGPASSWORD": superuserPassword, "PGCONNECT_TIMEOUT": "2"]
        if definition.tlsEnabled {
            environment["PGSSLMODE"] = "verify-full"
            environment["PGSSLROOTCERT"] = caDirectory + "/ca.crt"
        }
        return environment
    }

    /// `etcdctl` against every member as `client` (`restClient`: the admin
    /// certificate, nil with TLS off); `client: nil` gives it no TLS settings.
    func etcdctl(_ arguments: [String], scheme: String? = nil, client: TLSClientIdentity?) throws -> ProcessRun {
        let chosen = scheme ?? (definition.tlsEnabled ? "https" : "http")
        let endpoints = etcdHosts.map { "\(chosen)://\($0)" }.joined(separator: ",")
        var options = ["--endpoints=\(endpoints)", "--dial-timeout=2s", "--command-timeout=5s"]
        if let identity = client {
            options.append("--cacert=\(identity.caFile)")
            if let certificate = identity.certificate {
                options += ["--cert=\(certificate.file)", "--key=\(certificate.key)"]
            }
        }
        return try Command.run(definition.paths.etcdctl, options + arguments, environment: ["ETCDCTL_API": "3"],
                               timeout: 15)
    }

    /// What deploy.sh does for TLS: `tls/certificates.sh issue` on the
    /// deploying host, then `install NODE` for every node. There are no
    /// zones here, so the script's zlogin is a shell on this host
    /// (PGHA_ZLOGIN), which the script's `install` commands expect as root.
    func installCertificates() throws {
        let script = path("out/tls/certificates.sh")
        let clock = Stopwatch()
        try CertificateSteps.issue(script)
        try CertificateSteps.install(script, nodes: nodes.map(\.name), zlogin: path("zlogin-here"))
        // A second run keeps every key: nothing is issued again.
        let again = try Command.run("/bin/sh", [script, "issue"], timeout: 60)
        guard again.succeeded, !again.stdout.contains("issuing") else {
            throw E2EFailure("certificates.sh issue is not idempotent: \(again.stdout)\(again.stderr)")
        }
        let ca = definition.externalEtcd == nil ? "issued the CA," : "copied the existing etcd's CA, issued"
        print(String(format: "[e2e] tls: certificates.sh %@ %d node and 2 client certificates and installed them in %.1f s; a second run issued nothing",
                     ca, nodes.count, clock.seconds))
    }

    /// A CA nobody in the cluster trusts and a client certificate from it
    /// (CN admin, clientAuth), made with openssl for the refusal tests.
    func makeRogueClient() throws -> TLSClientIdentity {
        let directory = path("rogue")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let commands: [[String]] = [
            ["req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "\(directory)/ca.key", "-out", "\(directory)/ca.crt", "-days", "30", "-subj", "/CN=rogue-ca",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
            ["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "\(directory)/admin.key", "-out", "\(directory)/admin.csr", "-subj", "/CN=admin"],
        ]
        for arguments in commands {
            let run = try Command.run(E2EPrerequisites.openssl, arguments, timeout: 30)
            guard run.succeeded else { throw E2EFailure("openssl \(arguments[0]) failed: \(run.stderr)") }
        }
        try "extendedKeyUsage=clientAuth\n".write(toFile: "\(directory)/admin.ext", atomically: true, encoding: .utf8)
        let sign = try Command.run(E2EPrerequisites.openssl, [
            "x509", "-req", "-in", "\(directory)/admin.csr", "-CA", "\(directory)/ca.crt", "-CAkey", "\(directory)/ca.key",
            "-CAcreateserial", "-days", "30", "-extfile", "\(directory)/admin.ext", "-out", "\(directory)/admin.crt",
        ], timeout: 30)
        guard sign.succeeded else { throw E2EFailure("openssl x509 -req failed: \(sign.stderr)") }
        return TLSClientIdentity(caFile: caDirectory + "/ca.crt", certificateFile: "\(directory)/admin.crt",
                                 keyFile: "\(directory)/admin.key")
    }

    /// `psql` through the first haproxy with `sslmode`; prints whether the
    /// connection itself is encrypted.
    func psqlThroughHAProxy(sslmode: String) throws -> ProcessRun {
        var environment = clientEnvironment
        environment["PGSSLMODE"] = sslmode
        return try Command.run(
            E2EPrerequisites.psql,
            ["-X", "-w", "-q", "-A", "-t", "-h", clientHost, "-p", String(definition.haproxy.port),
             "-U", definition.postgres.superuser, "-d", "postgres",
             "-c", "select ssl, version from pg_stat_ssl where pid = pg_backend_pid()"],
            environment: environment, timeout: 10)
    }

    /// On `leader`: how many walsenders stream, and how many of them over TLS.
    func replicationOverTLS(leader: Cluster.Node) throws -> String {
        let run = try Command.run(
            E2EPrerequisites.psql,
            ["-X", "-w", "-q", "-A", "-t", "-h", leader.address, "-p", String(definition.postgres.port),
             "-U", definition.postgres.superuser, "-d", "postgres",
             "-c", "select count(*), count(*) filter (where s.ssl) from pg_stat_replication r join pg_stat_ssl s using (pid)"],
            environment: clientEnvironment, timeout: 10)
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `patronictl` on `node` as docs/tls.md tells an operator to run it: the
    /// node's own TLS files and the REST password from its file, through
    /// the environment patroni's start method builds.
    func patronictl(_ arguments: [String], on node: Cluster.Node) throws -> ProcessRun {
        guard let data = dataDirectory[node.name] else { throw E2EFailure("no data directory for \(node.name)") }
        let tls = (data as NSString).deletingLastPathComponent + "/tls"
        let hosts = etcdHosts.joined(separator: ",")
        let environment = [
            "PATRONI_SCOPE": definition.cluster, "PATRONI_NAMESPACE": definition.patroni.namespace,
            "PATRONI_ETCD3_HOSTS": hosts, "PATRONI_ETCD3_PROTOCOL": "https",
            "PATRONI_ETCD3_CACERT": tls + "/ca.crt", "PATRONI_ETCD3_CERT": tls + "/node.crt",
            "PATRONI_ETCD3_KEY": tls + "/node.key", "PATRONI_CTL_CACERT": tls + "/ca.crt",
            "PATRONI_CTL_CERTFILE": tls + "/node.crt", "PATRONI_CTL_KEYFILE": tls + "/node.key",
            "PATRONI_RESTAPI_USERNAME": definition.value(at: "patroni.rest_user") as? String ?? "",
            "PATRONI_RESTAPI_PASSWORD": restPassword,
        ]
        return try Command.run(definition.paths.patronictl, ["-c", path("out/config/patroni.yml")] + arguments,
                               environment: environment, timeout: 30)
    }

    /// The lines of a daemon's log that contain `text`.
    func logLines(of role: Role, on node: Cluster.Node, containing text: String) throws -> [String] {
        let log = try String(contentsOfFile: logPath(of: role, on: node), encoding: .utf8)
        return log.split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }
}
