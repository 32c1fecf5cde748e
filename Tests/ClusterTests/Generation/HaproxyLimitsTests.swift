import Foundation
import TestSupport
import Testing
@testable import Cluster

/// Issue 19: haproxy's connection limits and timeouts are definition keys
/// (haproxy.maxconn, server_maxconn, timeout_*), their defaults are what
/// haproxy.cfg always had, and haproxy itself accepts what they render.
@Suite struct HaproxyLimitsTests {
    static let limits = """
        haproxy:
          maxconn: 500
          server_maxconn: 80
          timeout_client: 1h
          timeout_server: 45m
          timeout_connect: 2s
          timeout_check: 3000ms

        """

    func haproxyConfig(_ text: String) throws -> String {
        let pipeline = GenerationPipeline(templates: try TemplateSet.builtIn())
        guard case .generated(let verified) = pipeline.run(definitionText: text, file: "test.yaml") else {
            throw GenerationFailure(problems: ["did not generate"])
        }
        return try #require(verified.files.first { $0.path == "config/haproxy.cfg" }).contents
    }

    @Test func theDefaultsAreWhatHaproxyCfgAlwaysHad() throws {
        let config = try haproxyConfig(validHead)
        for line in ["    maxconn 100\n", "    timeout client 30m\n", "    timeout server 30m\n", "    timeout connect 4s\n",
                     "    timeout check 5s\n", ":5432 maxconn 100 check port 8008 "] {
            #expect(config.contains(line), "\(line)")
        }
    }

    @Test func theKeysReachHaproxyCfgAndHaproxyAcceptsThem() throws {
        // Without TLS, so that haproxy -c needs no certificate files.
        let config = try haproxyConfig(validHead + Self.limits + "tls:\n  enabled: false\n")
        for line in ["    maxconn 500\n", "    timeout client 1h\n", "    timeout server 45m\n", "    timeout connect 2s\n",
                     "    timeout check 3000ms\n", ":5432 maxconn 80 check port 8008\n"] {
            #expect(config.contains(line), "\(line)")
        }
        guard let haproxy = findExecutable("haproxy") else {
            #expect(!CI.isRunning, "haproxy is not installed")
            return
        }
        let file = try Scratch.directory("haproxy-limits").appending(path: "haproxy.cfg")
        try config.write(to: file, atomically: true, encoding: .utf8)
        let run = try runProcess(haproxy, ["-c", "-f", file.path], environment: ["PGHA_BIND": "127.0.0.1"])
        #expect(run.succeeded, "\(run.stdout + run.stderr)")
    }

    @Test func aTimeThatIsNotHaproxysIsRefusedAtItsPosition() {
        #expect(diagnose(validHead + "haproxy:\n  timeout_client: 30 minutes\n") == ["11:21 error cluster.value.unsafe-character"])
        #expect(diagnose(validHead + "haproxy:\n  timeout_client: 30min\n") == ["11:19 error cluster.value.duration"])
        #expect(diagnose(validHead + "haproxy:\n  timeout_check: 0s\n") == ["11:18 error cluster.value.duration"])
        #expect(diagnose(validHead + "haproxy:\n  maxconn: 0\n") == ["11:12 error cluster.value.positive"])
        #expect(DurationCheck.isValid("250") && DurationCheck.isValid("10us") && !DurationCheck.isValid("s"))
    }
}
