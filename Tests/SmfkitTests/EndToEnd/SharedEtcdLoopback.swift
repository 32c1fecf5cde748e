import Cluster
import Foundation
import TestSupport
import Yams
#if canImport(Glibc)
import Glibc
#endif

/// One etcd for two PostgreSQL clusters on one host (issue 15, "An existing
/// etcd"): the loopback etcd cluster of Examples/loopback-etcd.yaml, its
/// members moved to addresses of their own (`etcdAddresses`: test suites run
/// in parallel, and EtcdEndToEndTests binds the example's), and the
/// two patroni clusters of Examples/loopback-shared-etcd/, whose copies say
/// `etcd.definition:` the test's copy of the etcd definition. Each is an
/// ordinary loopback harness in its own scratch directory, each node under
/// its own `smfkit run`; this class only ties them together.
final class SharedEtcdLoopback {
    static let examples = ["orders", "billing"].map {
        E2EPrerequisites.packageRoot.appending(path: "Examples/loopback-shared-etcd/\($0).yaml").path
    }

    static let etcdAddresses = ["127.0.0.81", "127.0.0.82", "127.0.0.83"]

    let etcd: EtcdLoopbackCluster
    /// orders, then billing.
    let clusters: [LoopbackCluster]
    /// Each cluster's copy of its example, once written.
    private(set) var definitionFiles: [String] = []

    init(guardSeconds: Double) throws {
        etcd = try EtcdLoopbackCluster(guardSeconds: guardSeconds, memberAddresses: Self.etcdAddresses)
        clusters = try Self.examples.map { try LoopbackCluster(guardSeconds: guardSeconds, example: $0) }
    }

    var scratchDirectories: [String] { [etcd.scratch] + clusters.map(\.scratch) }

    /// Each cluster's copy, its `etcd.definition` the etcd's copy (written
    /// by `etcd.bringUp()`).
    func writeDefinitions() throws {
        definitionFiles = try clusters.map { try $0.writeDefinition(pointingAt(etcd.path("cluster.yaml"))) }
    }

    /// A copy of the last cluster's definition under `cluster: scope`, beside its own.
    func writeDefinition(ofLastUnderScope scope: String) throws -> String {
        guard let last = clusters.last, let file = definitionFiles.last else { throw E2EFailure("no definitions written") }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        guard var root = try Yams.compose(yaml: text) else { throw E2EFailure("\(file) is empty") }
        root["cluster"] = Yams.Node(scope)
        let copy = last.path("same-scope.yaml")
        _ = try ExampleCopy.write(root, to: copy)
        return copy
    }

    private func pointingAt(_ etcdDefinition: String) -> (inout Yams.Node) throws -> Void {
        { root in
            var section = root["etcd"] ?? Yams.Node.mapping([:])
            section["definition"] = Yams.Node(etcdDefinition)
            root["etcd"] = section
        }
    }

    /// `smfkit check` of the etcd's copy and `files` together.
    func check(_ files: [String]) throws -> ProcessRun {
        try Command.run(E2EPrerequisites.smfkit, ["check", etcd.path("cluster.yaml")] + files, timeout: 60)
    }

    /// The PostgreSQL clusters first (haproxy, patroni replicas, leaders),
    /// then the etcd they used.
    func teardown() {
        for cluster in clusters { cluster.teardown() }
        etcd.teardown()
    }

    func leftoverProcesses() -> [pid_t] {
        clusters.flatMap { $0.leftoverProcesses() } + etcd.leftoverProcesses()
    }
}
