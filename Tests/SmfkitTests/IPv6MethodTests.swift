import Foundation
import TestSupport
import SMF
import Testing

/// svc.startd expands `%{prop}` tokens escaping shell metacharacters, but not
/// `[` `]` `*` `?` (illumos `expand.c`, `quote_for_shell`), and runs the
/// method through a shell: an IPv6 address in brackets would be a pathname
/// pattern there. The generated methods pass bare addresses, and the method
/// scripts build the bracketed forms; both checked here on an IPv6 cluster.
@Suite struct IPv6MethodTests {
    static let patternCharacters: Set<Character> = ["[", "]", "*", "?"]

    /// Examples/patroni.yaml with IPv6 node addresses, generated.
    static func generated() throws -> String {
        var text = try String(contentsOfFile: E2EPrerequisites.packageRoot.appending(path: "Examples/patroni.yaml").path,
                              encoding: .utf8)
        for (old, new) in [("192.168.0.231", "fd00::31"), ("192.168.0.232", "fd00::32"), ("192.168.0.233", "fd00::33")] {
            text = text.replacingOccurrences(of: old, with: new)
        }
        let scratch = try Scratch.directory("ipv6")
        let definition = scratch.appending(path: "ipv6.yaml").path
        try text.write(toFile: definition, atomically: true, encoding: .utf8)
        let output = scratch.appending(path: "out").path
        let run = try Command.run(E2EPrerequisites.smfkit, ["generate", definition, "--out", output], timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        return output
    }

    static func plan(_ directory: String, node: String) throws -> [PlanEntry] {
        let run = try Command.run(E2EPrerequisites.smfkit, ["plan", directory, "--node", node, "--format", "json"],
                                  timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONDecoder().decode([PlanEntry].self, from: Data(run.stdout.utf8))
    }

    /// Runs what the plan's `env A=B … SCRIPT start PROGRAM ARGS` would, with
    /// the script from the generated tree and `/bin/sh -c env` in place of
    /// the daemon and its arguments, which prints what the daemon would get.
    static func runMethodScript(_ entry: PlanEntry, in directory: String, extra: [String: String] = [:])
        throws -> ProcessRun
    {
        var words = entry.exec.split(separator: " ").map(String.init)
        #expect(words.first == "env")
        words.removeFirst()
        var environment = ["PATH": "/usr/bin:/bin"]
        while let word = words.first, let equals = word.firstIndex(of: "="), !word.hasPrefix("/") {
            environment[String(word[..<equals])] = String(word[word.index(after: equals)...])
            words.removeFirst()
        }
        environment.merge(extra) { _, new in new }
        let script = directory + "/methods/" + (words.first.map { ($0 as NSString).lastPathComponent } ?? "")
        // start DAEMON [CONFIG] ARGS…: keep what the script itself reads
        // (`start`, and patroni's config file), run `/bin/sh -c env` instead.
        let arguments = Array(words.dropFirst())
        #expect(arguments.first == "start")
        let replaced = ["start", "/bin/sh", "-c", "env"]
        return try runProcess(URL(fileURLWithPath: script), replaced, environment: environment, timeout: 30)
    }

    @Test func noExpandedMethodHoldsAPathnamePattern() throws {
        let directory = try Self.generated()
        for node in ["node1", "node2", "node3"] {
            for entry in try Self.plan(directory, node: node) {
                #expect(!entry.exec.contains { Self.patternCharacters.contains($0) },
                        "\(entry.fmri) reaches the shell with a pathname pattern: \(entry.exec)")
            }
        }
    }

    @Test func etcdsMethodScriptBuildsTheBracketedURLs() throws {
        let directory = try Self.generated()
        let etcd = try #require(try Self.plan(directory, node: "node2").first { $0.fmri.contains("/etcd:") })
        let run = try Self.runMethodScript(etcd, in: directory)
        #expect(run.succeeded, "\(run.stderr)")
        let lines = Set(run.stdout.split(separator: "\n").map(String.init))
        // TLS is on by default: https everywhere.
        #expect(lines.contains("ETCD_LISTEN_PEER_URLS=https://[fd00::32]:2380"))
        #expect(lines.contains("ETCD_ADVERTISE_CLIENT_URLS=https://[fd00::32]:2379"))
        #expect(lines.contains(
            "ETCD_INITIAL_CLUSTER=node1=https://[fd00::31]:2380,node2=https://[fd00::32]:2380,node3=https://[fd00::33]:2380"))
        #expect(lines.contains("ETCD_NAME=node2"))
        #expect(!lines.contains { $0.hasPrefix("PGHA_") }, "the script's own variables reach etcd")
    }

    @Test func patronisMethodScriptBuildsTheBracketedHostPorts() throws {
        let directory = try Self.generated()
        let patroni = try #require(try Self.plan(directory, node: "node3").first { $0.fmri.contains("/patroni:") })
        // The script reads the password files and makes the data directory
        // before it runs patroni; /bin/sh -c env in its place prints what
        // patroni would be given.
        let scratch = try Scratch.directory("ipv6-patroni")
        var files: [String: String] = [:]
        for name in ["SUPERUSER", "REPLICATION", "REWIND", "REST"] {
            let file = scratch.appending(path: name).path
            try "secret".write(toFile: file, atomically: true, encoding: .utf8)
            files["PGHA_\(name)_PASSWORD_FILE"] = file
        }
        files["PATRONI_POSTGRESQL_DATA_DIR"] = scratch.appending(path: "node3/data").path
        let run = try Self.runMethodScript(patroni, in: directory, extra: files)
        #expect(run.succeeded, "\(run.stderr)")
        let lines = Set(run.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("PATRONI_RESTAPI_LISTEN=[fd00::33]:8008"))
        #expect(lines.contains("PATRONI_POSTGRESQL_CONNECT_ADDRESS=[fd00::33]:5432"))
        #expect(lines.contains("PATRONI_ETCD3_HOSTS=[fd00::31]:2379,[fd00::32]:2379,[fd00::33]:2379"))
        #expect(!lines.contains { $0.hasPrefix("PGHA_") }, "the script's own variables reach patroni")
    }
}
