import Foundation
import TestSupport
import Testing
@testable import Cluster

/// What smfkit generates, checked by the tools that will read it.
@Suite struct RealToolTests {
    /// The real illumos DTD, from the external corpus.
    @Test(.needsCorpus, arguments: Generated.examples)
    func manifestsAndProfilesPassXmllintWithTheIllumosDTD(example: String) throws {
        try manifestsAndProfilesPassXmllint(example: example, dtd: try Corpus.illumosDTD().path)
    }

    /// smfkit's own DTD (proven equivalent to illumos's by DTDEquivalenceTests),
    /// so that a clone without the corpus still runs xmllint on the output.
    @Test(arguments: Generated.examples)
    func manifestsAndProfilesPassXmllintWithOurDTD(example: String) throws {
        try manifestsAndProfilesPassXmllint(example: example, dtd: PackageRoot.path("Sources/SMF/DTD/service_bundle.dtd"))
    }

    func manifestsAndProfilesPassXmllint(example: String, dtd: String) throws {
        guard let xmllint = findExecutable("xmllint") else {
            #expect(!CI.isRunning, "xmllint is not installed (Debian: libxml2-utils)")
            return
        }
        let directory = try Generated.directory(ofExample: example)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let xml = try Generated.files(ofExample: example).map(\.path).filter { $0.hasSuffix(".xml") }
        #expect(xml.count >= 6)
        for file in xml {
            let run = try runProcess(xmllint, ["--noout", "--nonet", "--dtdvalid", dtd, directory + "/" + file])
            #expect(run.succeeded, "\(file): \((run.stdout + run.stderr))")
        }
    }

    /// `haproxy -c` loads the files the checks name, so the configuration is
    /// checked with the certificates the generated script really makes.
    @Test(arguments: ["patroni", "loopback-patroni"])
    func haproxyAcceptsTheConfiguration(example: String) throws {
        guard let haproxy = findExecutable("haproxy"), findExecutable("openssl") != nil else {
            #expect(!CI.isRunning, "haproxy or openssl is not installed")
            return
        }
        let directory = try Generated.directory(ofExample: example)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let issue = try runProcess(URL(fileURLWithPath: "/bin/sh"), [directory + "/tls/certificates.sh", "issue"],
                                   environment: ["PGHA_CA_DIR": directory + "/ca", "PATH": "/usr/bin:/bin"])
        #expect(issue.succeeded, "\(issue.stdout)\(issue.stderr)")
        // The start method passes the node's address as PGHA_BIND and
        // PGHA_STATS_BIND, the TLS directory as PGHA_TLS_DIR and the
        // statistics password as PGHA_STATS_PASSWORD.
        let run = try runProcess(haproxy, ["-c", "-f", directory + "/config/haproxy.cfg"],
                                 environment: ["PGHA_BIND": "127.0.0.1", "PGHA_STATS_BIND": "127.0.0.1",
                                               "PGHA_TLS_DIR": directory + "/ca", "PGHA_STATS_PASSWORD": "not-a-secret"])
        #expect(run.succeeded, "\((run.stdout + run.stderr))")
        #expect((run.stdout + run.stderr).contains("Configuration file is valid"))
    }

    @Test(arguments: Generated.examples)
    func shellScriptsPassShellcheck(example: String) throws {
        guard let shellcheck = findExecutable("shellcheck") else {
            #expect(!CI.isRunning, "shellcheck is not installed")
            return
        }
        let files = try Generated.files(ofExample: example)
        let scripts = files.filter { $0.mode & 0o111 != 0 || $0.path.hasSuffix(".sh") }
        // One deploy.sh, or with hosts one per host and deploy-hosts.sh.
        #expect(scripts.contains { $0.path == "deploy.sh" } || scripts.contains { $0.path == "deploy-hosts.sh" })
        let directory = try Generated.directory(ofExample: example)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for script in scripts {
            let run = try runProcess(shellcheck, ["--shell=sh", "--severity=style", directory + "/" + script.path])
            #expect(run.succeeded, "\(script.path): \((run.stdout + run.stderr))")
        }
    }
}
