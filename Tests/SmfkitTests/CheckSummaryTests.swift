import Foundation
import TestSupport
import Testing

/// Issue 19: `smfkit check` says what it understood, and warns of what the
/// chosen stack ignores and of what Tribblix does not ship.
@Suite struct CheckSummaryTests {
    /// The patroni cluster: three zones, PostgreSQL 16, clients on
    /// 6432, etcd on 12379/12380.
    static let patroni = """
        cluster: shop-db
        stack: patroni
        nodes:
          - name: db-a
            address: 10.20.30.11
          - name: db-b
            address: 10.20.30.12
          - name: db-c
            address: 10.20.30.13
        etcd:
          client_port: 12379
          peer_port: 12380
        postgres:
          version: 16
        haproxy:
          port: 6432

        """

    func check(_ text: String, _ options: [String] = []) throws -> (run: ProcessRun, path: String) {
        let path = try Scratch.file(text, named: "cluster.yaml")
        return (try Smfkit.run(["check"] + options + [path]), path)
    }

    @Test func aValidDefinitionIsSummarisedOnStdout() throws {
        let (run, path) = try check(Self.patroni)
        #expect(run.status == 0)
        let expectedStart = """
            shop-db: a patroni cluster of 3 nodes, each in a zone named after it
              on the host that runs deploy.sh:
                db-a  10.20.30.11
                db-b  10.20.30.12
                db-c  10.20.30.13
              (one host: the cluster survives no host failure; spread it with `hosts`)
            clients connect to:
              10.20.30.11:6432 primary, :5001 replicas  (svc:/
            """
        #expect(run.stdout.hasPrefix(expectedStart), "\(run.stdout)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // Each daemon with its ports, then its data directory on every node.
        let etcd = try #require(lines.firstIndex { $0.hasPrefix("  etcd  svc:/") })
        #expect(lines[etcd].hasSuffix("  :12379 client, :12380 peer"))
        #expect(lines[etcd + 1].hasPrefix("    data on db-a: /") && lines[etcd + 1].hasSuffix("/etcd/db-a"))
        #expect(lines.contains { $0.hasPrefix("    data on db-c: /") && $0.hasSuffix("/db-c/data") })
        #expect(lines.contains { $0.hasPrefix("  haproxy  svc:/") && $0.hasSuffix(":6432 primary, :5001 replicas, :7000 stats") })
        #expect(run.stdout.hasSuffix("Tribblix: overlay pgha (requires base, patroni) installs TRIBblix-postgres16, TRIBblix-pgha\n"))
        #expect(run.stderr.hasPrefix("\(path):14:12: warning: Tribblix ships no overlay 'postgres16'"), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("[cluster.tribblix.overlay]\n"))
    }

    @Test func strictMakesTheWarningsFail() throws {
        #expect(try check(Self.patroni, ["--strict"]).run.status == 1)
        let seventeen = Self.patroni.replacingOccurrences(of: "version: 16", with: "version: 17")
        let run = try check(seventeen, ["--strict"]).run
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func jsonIsTheDiagnosticsArrayWithoutTheSummary() throws {
        let run = try check(Self.patroni, ["--format", "json"]).run
        #expect(run.status == 0)
        let diagnostics = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(diagnostics.map { $0["rule"] as? String } == ["cluster.tribblix.overlay"])
        #expect(!run.stdout.contains("10.20.30.11"), "the summary is text output only")
    }

    @Test func switchingToStolonWithTheHaproxySectionLeftInWarnsAndSaysWhereClientsGo() throws {
        let stolon = Self.patroni.replacingOccurrences(of: "stack: patroni", with: "stack: stolon")
        let (run, path) = try check(stolon)
        #expect(run.status == 0)
        #expect(run.stderr.contains("\(path):15:1: warning: 'haproxy' is read only with stack: patroni, and this cluster's "
                                    + "stack is stolon: stolon's clients connect to stolon-proxy at stolon.proxy_port; remove it "
                                    + "(move haproxy.port 6432 to stolon.proxy_port, which is 25432) [cluster.stack.ignored]"))
        #expect(run.stdout.contains("clients connect to:\n  10.20.30.11:25432  (svc:/"))
    }

    @Test func aStolonSectionUnderPatroniWarns() throws {
        let run = try check(Self.patroni + "stolon:\n  proxy_port: 6433\n").run
        #expect(run.status == 0)
        #expect(run.stderr.contains(":17:1: warning: 'stolon' is read only with stack: stolon"))
    }

    @Test func anInvalidDefinitionPrintsNoSummary() throws {
        let run = try check(Self.patroni.replacingOccurrences(of: "port: 6432", with: "port: 0")).run
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
    }
}
