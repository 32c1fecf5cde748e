import Foundation
import TestSupport
import Testing

/// The built binary, run the way a user runs it: exit codes and streams.
@Suite struct CheckAndInitCommandTests {
    func smfkit(_ arguments: [String]) throws -> ProcessRun {
        try Smfkit.run(arguments)
    }

    @Test(arguments: ["Examples/patroni.yaml", "Examples/stolon.yaml", "Examples/loopback-patroni.yaml"])
    func examplesPass(_ example: String) throws {
        let run = try smfkit(["check", example])
        #expect(run.status == 0)
        // stolon's package is one Tribblix removed: the one warning (cluster.tribblix.package).
        #expect(Self.rules(in: run.stderr) == (example.contains("stolon") ? ["cluster.tribblix.package"] : []))
    }

    /// Several definitions: each checked and summarised, then together (issue 15).
    @Test func definitionsSharingAnEtcdAreCheckedTogether() throws {
        let shared = ["etcd", "orders", "billing"].map { "Examples/shared-etcd/\($0).yaml" }
        let run = try smfkit(["check"] + shared)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "\n== ").count == 3)
        #expect(run.stdout.contains("etcd: the existing cluster of etcd.yaml at 192.168.0.221:2379"))
        // Given twice, a cluster clashes with itself: one scope on one etcd.
        let twice = try smfkit(["check", shared[1], shared[1]])
        #expect(twice.status == 1)
        #expect(Self.rules(in: twice.stderr) == ["cluster.etcd.shared-scope"])
        #expect(twice.stderr.hasPrefix("Examples/shared-etcd/orders.yaml:4:10: error: this cluster and the one of "))
    }

    @Test func anInvalidDefinitionExitsOneWithEveryDiagnostic() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "smfkit-check-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "cluster: c\nstack: patroni\nnodes:\n  - name: 1node\n    address: 10.0.0.1\n  - {name: b, address: 10.0.0.2}\n  - {name: c, address: 10.0.0.3}\netcd:\n  peer_prot: 1\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try smfkit(["check", file.path])
        #expect(run.status == 1)
        #expect(run.stderr == """
            \(file.path):4:11: error: node name '1node' is not a valid SMF instance name: it must start with an ASCII letter, not U+0031 DIGIT ONE [cluster.node.name]
            \(file.path):9:3: error: unknown key 'peer_prot' in 'etcd'; did you mean 'peer_port'? [cluster.yaml.unknown-key]

            """)
    }

    @Test func jsonFormatGivesTheSameDiagnosticsOnStdout() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "smfkit-json-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "cluster: c\nstack: stolon\nnodes:\n  - {name: n1, address: 10.0.0.1}\n  - {name: n2, address: 10.0.0.2}\n  - {name: n3, address: 10.0.0.3}\nstolon:\n  proxy_port: 0\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try smfkit(["check", "--format", "json", file.path])
        #expect(run.status == 1)
        let decoded = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        // stolon's package warning (line 2, `stack:`), then the error.
        #expect(decoded?.compactMap { $0["rule"] as? String } == ["cluster.tribblix.package", "cluster.port.range"])
        #expect(decoded?.last?["line"] as? Int == 8)
        #expect(decoded?.last?["column"] as? Int == 15)
    }

    @Test func warningsDoNotFailTheCheck() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "smfkit-warn-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "cluster: c\nstack: patroni\nnodes:\n  - {name: a, address: 10.0.0.1}\n  - {name: b, address: 10.0.0.2}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try smfkit(["check", file.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning:") && run.stderr.contains("[cluster.etcd.member-count]"))
    }

    @Test func strictFailsOnAPackageTribblixDoesNotShip() throws {
        let run = try smfkit(["check", "--strict", "Examples/stolon.yaml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("'TRIBblix-stolon', which is not in the Tribblix package list"))
    }

    @Test func anUnreadableFileExitsTwo() throws {
        let run = try smfkit(["check", "/nonexistent/cluster.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/cluster.yaml: error: cannot read the cluster definition"))
    }

    @Test(arguments: ["patroni", "stolon"])
    func initPrintsADefinitionThatChecks(_ stack: String) throws {
        let printed = try smfkit(["init", "--stack", stack])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("stack: \(stack)"))
        let file = FileManager.default.temporaryDirectory.appending(path: "smfkit-init-\(stack)-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try printed.stdout.write(to: file, atomically: true, encoding: .utf8)
        let checked = try smfkit(["check", file.path])
        #expect(checked.status == 0)
        #expect(Self.rules(in: checked.stderr) == (stack == "stolon" ? ["cluster.tribblix.package"] : []))
    }

    /// The rule ids of the diagnostics in `stderr`, one a line, `[rule]` at its end.
    static func rules(in stderr: String) -> [String] {
        stderr.split(separator: "\n").map { line in
            guard line.hasSuffix("]"), let open = line.lastIndex(of: "[") else { return String(line) }
            return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
        }
    }
}
