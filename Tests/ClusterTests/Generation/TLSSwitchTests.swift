import Foundation
import Output
import Testing
@testable import Cluster

/// What `tls.enabled` switches (issue 13): on, every daemon gets its TLS
/// settings from its own flags and properties; off (a lab), the same
/// cluster in plain text, with no certificate script and no TLS flag left
/// behind to point at files that are not there.
@Suite struct TLSSwitchTests {
    func files(_ tail: String) throws -> [String: String] {
        let pipeline = GenerationPipeline(templates: try TemplateSet.builtIn())
        guard case .generated(let verified) = pipeline.run(definitionText: validHead + tail, file: "c.yaml") else {
            throw GenerationFailure(problems: ["does not generate"])
        }
        return Dictionary(uniqueKeysWithValues: verified.files.map { ($0.path, $0.contents) })
    }

    @Test func onEveryDaemonSpeaksTLS() throws {
        let generated = try files("")
        let etcd = try #require(generated["manifests/etcd.xml"])
        for flag in ["--client-cert-auth", "--peer-client-cert-auth", "--trusted-ca-file", "--peer-trusted-ca-file",
                     "PGHA_SCHEME=https "] {
            #expect(etcd.contains(flag), "etcd lacks \(flag)")
        }
        // svc-etcd builds every URL (peers, clients, the initial cluster)
        // with that scheme from the bare addresses.
        #expect(etcd.contains("node1=10.0.0.1,node2=10.0.0.2"))
        #expect(try #require(generated["methods/svc-etcd"]).contains("ETCD_LISTEN_PEER_URLS=\"$PGHA_SCHEME://"))
        let patroni = try #require(generated["manifests/patroni.xml"])
        for variable in ["PATRONI_ETCD3_PROTOCOL=https", "PATRONI_RESTAPI_VERIFY_CLIENT=required",
                         "PATRONI_REPLICATION_SSLMODE=verify-full", "PATRONI_RESTAPI_USERNAME="] {
            #expect(patroni.contains(variable), "patroni lacks \(variable)")
        }
        let lines = try #require(generated["config/patroni.yml"]).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("  - hostssl ") }.count == 2 * 6, "pg_hba: \(lines)")
        #expect(!lines.contains { $0.hasPrefix("  - host ") })
        #expect(try #require(generated["config/haproxy.cfg"]).contains("check-ssl verify required ca-file"))
        #expect(generated["tls/certificates.sh"] != nil)
        #expect(try #require(generated["deploy.sh"]).contains("sh ./tls/certificates.sh issue"))
    }

    @Test func offTheSameClusterInPlainText() throws {
        let generated = try files("tls:\n  enabled: false\n")
        #expect(generated["tls/certificates.sh"] == nil)
        let everything = generated.values.joined()
        for word in ["--client-cert-auth", "PATRONI_ETCD3_PROTOCOL", "check-ssl", "- hostssl", "ssl_cert_file",
                     "certificates.sh issue", "=https"] {
            #expect(!everything.contains(word), "\(word) is still generated with TLS off")
        }
        #expect(try #require(generated["manifests/etcd.xml"]).contains("PGHA_SCHEME=http "))
        // The passwords stay: the REST API and the statistics page still ask for one.
        #expect(try #require(generated["config/haproxy.cfg"]).contains("stats auth"))
        #expect(try #require(generated["manifests/patroni.xml"]).contains("PATRONI_RESTAPI_USERNAME="))
    }
}
