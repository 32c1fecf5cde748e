import Foundation
import TestSupport

/// The certificate a client presents and the CA it trusts, for patroni's
/// REST API (which asks every client for a certificate of the cluster's CA).
struct TLSClientIdentity {
    var caFile: String
    /// The client certificate and its key; nil for a client that has none.
    var certificate: (file: String, key: String)?

    init(caFile: String, certificateFile: String, keyFile: String) {
        self.caFile = caFile
        certificate = (certificateFile, keyFile)
    }

    /// A client that trusts the CA but has no certificate of its own.
    init(trusting caFile: String) {
        self.caFile = caFile
        certificate = nil
    }

    var curlArguments: [String] {
        ["--cacert", caFile] + (certificate.map { ["--cert", $0.file, "--key", $0.key] } ?? [])
    }
}

/// HTTP requests to the loopback cluster's daemons through `curl`, which
/// speaks TLS with client certificates as an operator's tools do: no proxy
/// settings, a short timeout. A password goes to curl on its standard input
/// (`-K -`), never on its command line.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var body: Data
    }

    static let curl = "/usr/bin/curl"

    /// Any response at all, whatever its status; nil when no HTTP exchange
    /// happened (refused connection, failed TLS handshake, timeout).
    static func request(
        _ method: String = "GET", url: String, client: TLSClientIdentity?, user: (name: String, password: String)? = nil,
        timeout: Double = 2.0
    ) -> Response? {
        var arguments = ["-s", "--noproxy", "*", "-m", String(timeout), "-X", method, "-o", "-", "-w", "\n%{http_code}",
                         "-K", "-"]
        arguments += client?.curlArguments ?? []
        arguments.append(url)
        let config = user.map { "user = \"\($0.name):\($0.password)\"\n" } ?? ""
        guard let run = try? Command.run(curl, arguments, input: config, timeout: timeout + 5), run.succeeded else {
            return nil
        }
        guard let cut = run.stdout.lastIndex(of: "\n"), let status = Int(run.stdout[run.stdout.index(after: cut)...]),
              status > 0 else { return nil }
        return Response(status: status, body: Data(run.stdout[..<cut].utf8))
    }

    /// A GET of `https://host:port/path` (`http://` without a client identity).
    static func get(host: String, port: Int, path: String, client: TLSClientIdentity?,
                    user: (name: String, password: String)? = nil) -> Response? {
        let scheme = client == nil ? "http" : "https"
        return request(url: "\(scheme)://\(host):\(port)\(path)", client: client, user: user)
    }

    /// The JSON object a GET returns, whatever its status (patroni answers
    /// 503 with a body on some endpoints).
    static func json(host: String, port: Int, path: String, client: TLSClientIdentity?) -> [String: Any]? {
        guard let response = get(host: host, port: port, path: path, client: client) else { return nil }
        return (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
    }
}
