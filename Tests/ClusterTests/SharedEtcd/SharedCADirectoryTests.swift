import Diagnostics
import Testing
@testable import Cluster

/// `cluster.tls.ca-dir-shared`: a cluster's `tls.ca_dir` that is the CA
/// directory of the etcd it uses. Its certificates.sh would issue into the
/// etcd's directory and overwrite the etcd's own files (always `admin`, a
/// node named like an etcd member, `root` of another key type): an error;
/// with `etcd.endpoints`, whose files smfkit cannot know, a warning. Paths
/// are compared normalised.
@Suite struct SharedCADirectoryTests {
    static let etcdDefinition = Fixtures.path("Examples/shared-etcd/etcd.yaml")
    static let rule = "cluster.tls.ca-dir-shared"

    static func found(_ text: String) -> [Diagnostic] {
        diagnostics(text).filter { $0.rule == rule }
    }

    static func onEtcdDefinition(_ tls: String, head: String = validHead) -> String {
        head + "etcd:\n  definition: \(etcdDefinition)\n" + (tls.isEmpty ? "" : "tls:\n" + tls)
    }

    @Test func theExamplesKeepTheirOwnDirectories() throws {
        for name in ["orders", "billing"] {
            let load = try DefinitionLoader.load(path: Fixtures.path("Examples/shared-etcd/\(name).yaml"))
            #expect(!DefinitionChecker.check(load).diagnostics.contains { $0.rule == Self.rule }, "\(name)")
        }
        #expect(Self.found(Self.onEtcdDefinition("  ca_dir: /var/opt/smfkit/c/ca\n")).isEmpty)
    }

    @Test func aNodeNamedLikeAnEtcdMemberOverwritesItsCertificate() {
        let text = Self.onEtcdDefinition("  ca_dir: /var/opt/smfkit/store/ca\n",
                                         head: validHead.replacingFirst("name: node2", "name: etcd2"))
        let found = Self.found(text)
        #expect(found.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" } == ["13:11 error"])
        let message = found.first?.message ?? ""
        #expect(message.contains("this cluster's tls.ca_dir '/var/opt/smfkit/store/ca' is the tls.ca_dir of the etcd "
                                 + "definition \(Self.etcdDefinition) ('/var/opt/smfkit/store/ca')"))
        #expect(message.contains("would overwrite the etcd's own etcd2.crt, etcd2.key, admin.crt, admin.key "
                                 + "(etcd2: a node of both; admin: this cluster's names its own etcd user (service.c.admin)"))
        #expect(message.contains("set this cluster's tls.ca_dir to a directory of its own"))
    }

    @Test func anotherKeyTypeOverwritesRootToo() {
        let found = Self.found(Self.onEtcdDefinition("  ca_dir: /var/opt/smfkit/store/ca\n  key_type: rsa-3072\n"))
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.message.contains("admin.crt, admin.key, root.crt, root.key (admin: ") == true)
        #expect(found.first?.message.contains("root: tls.key_type rsa-3072 here and ecdsa-p256 there") == true)
    }

    /// Even with no node of both and one key type, admin is the etcd's and
    /// the cluster's, each naming another etcd user.
    @Test func onlySharingTheDirectoryOverwritesAdmin() {
        let found = Self.found(Self.onEtcdDefinition("  ca_dir: /var/opt/smfkit/store/ca\n"))
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.message.contains("would overwrite the etcd's own admin.crt, admin.key (admin: ") == true)
    }

    /// `..`, `.`, a doubled and a trailing `/` name the same directory
    /// (cluster.path.shape refuses the spelling as well).
    @Test func pathsAreComparedNormalised() {
        let text = Self.onEtcdDefinition("  ca_dir: /var/opt//smfkit/x/../store/./ca/\n",
                                         head: validHead.replacingFirst("name: node2", "name: etcd2"))
        #expect(Self.found(text).map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" }
                == ["13:11 error"])
        #expect(SharedCADirectoryCheck.normalised("/a/./b/../c//d/") == "/a/c/d")
        #expect(SharedCADirectoryCheck.normalised("/../a") == "/a")
        #expect(SharedCADirectoryCheck.normalised("/a/b") != SharedCADirectoryCheck.normalised("/a/bb"))
    }

    /// A cluster named as its etcd cluster has the etcd's default CA
    /// directory: reported at etcd.definition, which brings it in.
    @Test func theDefaultDirectoryIsReportedAtTheEtcdDefinition() {
        let head = validHead.replacingFirst("cluster: c", "cluster: store").replacingFirst("name: node1", "name: etcd1")
        let found = Self.found(Self.onEtcdDefinition("", head: head))
        #expect(found.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" } == ["11:15 error"])
        #expect(found.first?.message.contains("this cluster's tls.ca_dir (the default '/var/opt/smfkit/store/ca')") == true)
    }

    /// With etcd.endpoints smfkit knows nothing of the etcd's files: a
    /// warning naming the files the cluster would write there.
    @Test func theCADirectoryOfEndpointsIsAWarning() {
        let endpoints = "etcd:\n  endpoints: [https://10.1.0.1:2379]\n  ca_dir: /var/ca\n"
        let explicit = Self.found(validHead + endpoints + "tls:\n  ca_dir: /var/ca/\n")
        #expect(explicit.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" } == ["14:11 warning"])
        #expect(explicit.first?.message.contains("is etcd.ca_dir '/var/ca', the existing etcd's CA directory") == true)
        #expect(explicit.first?.message.contains("node1.crt, node1.key, node2.crt, node2.key, node3.crt, node3.key, "
                                                 + "haproxy.crt, haproxy.key, admin.crt, admin.key, root.crt, root.key") == true)
        let byDefault = Self.found(validHead + endpoints.replacingFirst("/var/ca", "/var/opt/smfkit/c/ca"))
        #expect(byDefault.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" } == ["12:11 warning"])
        #expect(Self.found(validHead + endpoints).isEmpty)
        // Without TLS there is no CA and no certificates.sh.
        #expect(Self.found(validHead + "tls:\n  enabled: false\n  ca_dir: /var/ca\netcd:\n  endpoints: [http://10.1.0.1:2379]\n")
                .isEmpty)
    }
}
