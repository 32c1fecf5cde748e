import Testing

/// The passing side of the TLS rules (issue 13): the defaults, each choice
/// the certificate script supports, a validity one day past the renewal
/// window, loopback nodes that name 127.0.0.1, haproxy bound to a specific
/// address (named automatically) or to every address with extra names, a
/// real client network. The failing side is in BadDefinitionTests.
@Suite struct TLSCheckTests {
    @Test(arguments: [
        "",
        "tls:\n  enabled: true\n  key_type: rsa-3072\n  validity_days: 31\n  renew_days: 30\n",
        "tls:\n  extra_sans: [10.0.0.100, db.example.com, \"fd00::5\"]\n  ca_dir: /root/pki/c\n",
        "haproxy:\n  bind_address: 10.0.0.100\n",
        "haproxy:\n  bind_address: 0.0.0.0\n  stats_address: 127.0.0.1\ntls:\n  extra_sans: [db.example.com]\n",
        "postgres:\n  client_network: 10.0.0.0/24\n",
        "postgres:\n  client_network: \"fd00::/64\"\n",
    ])
    func soundTLSSettingsPass(_ tail: String) {
        #expect(diagnose(validHead + tail) == [])
    }

    @Test func loopbackNodesNamingTheLoopbackSourcePass() {
        let loopback = validHead.replacingFirst("10.0.0.1", "127.0.0.11").replacingFirst("10.0.0.2", "127.0.0.12")
            .replacingFirst("10.0.0.3", "127.0.0.13")
        #expect(diagnose(loopback + "tls:\n  extra_sans: [127.0.0.1]\n") == [])
    }
}
