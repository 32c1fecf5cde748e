import Foundation
import TestSupport
import Testing

/// deploy.sh's `grant_etcd_access` for Examples/shared-etcd/orders.yaml,
/// run by /bin/sh with deploy.sh loaded as a library (DEPLOY_LIBRARY) and
/// the etcdctl stand-in: the role on the cluster's prefix, its users, the
/// password login set once and again only when its file changed, and a
/// failed etcdctl step failing the whole (retry runs it as a condition,
/// where set -e stops nothing).
@Suite struct EtcdAccessDeployTests {
    struct Site {
        let output: String
        let state: String

        init() throws {
            let scratch = try Generated.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            for name in ["etcd", "orders"] {
                try FileManager.default.copyItem(atPath: Fixtures.path("Examples/shared-etcd/\(name).yaml"),
                                                 toPath: "\(scratch)/\(name).yaml")
            }
            output = try Generated.temporaryDirectory()
            try Generated.write(definitionPath: scratch + "/orders.yaml", into: output)
            state = try Generated.temporaryDirectory()
            try FileManager.default.createDirectory(atPath: state + "/secrets", withIntermediateDirectories: true)
            try setPassword("first")
        }

        func setPassword(_ password: String) throws {
            try password.write(toFile: state + "/secrets/etcd-password", atomically: true, encoding: .utf8)
        }

        /// Runs `retry grant_etcd_access` as the store step does; `calls`
        /// are the etcdctl commands of this run.
        func grant(_ extra: [String: String] = [:]) throws -> (run: ProcessRun, calls: [String]) {
            try? FileManager.default.removeItem(atPath: state + "/calls")
            let script = ". ./deploy.sh; retry grant_etcd_access || fail 'could not make the etcd role and users'"
            let run = try runProcess(
                URL(fileURLWithPath: "/bin/sh"), ["-c", script],
                environment: ["PATH": Fixtures.path("Tests/ClusterTests/IllumosShims") + ":/usr/bin:/bin",
                              "DEPLOY_LIBRARY": "1", "SHIM_STATE": state, "HOME": state, "SECRETS": state + "/secrets",
                              "PGHA_CA_DIR": state + "/ca", "ETCDCTL": "etcdctl", "TRIES": "2"]
                    .merging(extra) { _, new in new },
                directory: URL(fileURLWithPath: output))
            let calls = ((try? String(contentsOfFile: state + "/calls", encoding: .utf8)) ?? "")
                .split(separator: "\n").map(String.init).filter { $0.hasPrefix("etcdctl ") }
            return (run, calls)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: state)
        }
    }

    @Test func theRoleAndUsersAreMadeOnceAndThePasswordSetOnlyWhenItChanged() throws {
        let site = try Site()
        defer { site.remove() }
        let (first, calls) = try site.grant()
        #expect(first.succeeded, "\(first.stderr)")
        func has(_ text: String, _ calls: [String]) -> Bool { calls.contains { $0.hasSuffix(text) } }
        #expect(has("role add service.orders", calls))
        #expect(has("role grant-permission service.orders --prefix=true readwrite /service/orders/", calls))
        for user in ["service.orders.orders1", "service.orders.orders2", "service.orders.orders3", "service.orders.admin"] {
            #expect(has("user add \(user) --no-password", calls) && has("user grant-role \(user) service.orders", calls),
                    "\(user)")
        }
        #expect(has("user add service.orders --interactive=false", calls))
        // The password went on standard input: it is on no command line.
        #expect(!calls.contains { $0.contains("first") })

        let (again, secondCalls) = try site.grant()
        #expect(again.succeeded, "\(again.stderr)")
        #expect(!secondCalls.contains { $0.contains(" user add ") || $0.contains(" role add ") || $0.contains("user passwd") })
        #expect(has("role grant-permission service.orders --prefix=true readwrite /service/orders/", secondCalls))

        try site.setPassword("second")
        let (changed, thirdCalls) = try site.grant()
        #expect(changed.succeeded, "\(changed.stderr)")
        #expect(has("user passwd service.orders --interactive=false", thirdCalls))
        #expect(!thirdCalls.contains { $0.contains("second") })
    }

    @Test(arguments: ["role grant-permission", "user grant-role service.orders.orders2", "user add service.orders.admin"])
    func aFailedStepFailsTheGrant(_ failing: String) throws {
        let site = try Site()
        defer { site.remove() }
        let (run, calls) = try site.grant(["SHIM_ETCDCTL_FAIL": failing])
        #expect(!run.succeeded)
        #expect(run.stderr.contains("could not make the etcd role and users"), "\(run.stderr)")
        // Retried (TRIES=2), then given up.
        #expect(calls.filter { $0.contains(" role get ") }.count == 2)
    }
}
