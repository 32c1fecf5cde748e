import Cluster
import Yams

/// What the patroni, etcd and replication loopback clusters share: a
/// scratch directory holding the copy of the example and its generated
/// out/, a deadline bounding the run, and one restarter per node — that
/// node's svc.startd, a `smfkit run` of out/.
protocol LoopbackHarness: AnyObject {
    var scratch: String { get }
    var guardDeadline: Deadline { get }
    var definition: ClusterDefinition { get }
    var restarters: [String: NodeRestarter] { get set }
}

extension LoopbackHarness {
    var nodes: [Cluster.Node] { definition.nodes }

    func path(_ relative: String) -> String { scratch + "/" + relative }

    /// Moves what deploy.sh and the package put on a node into the scratch
    /// directory: `paths.data`, `paths.config`, `paths.methods`,
    /// `tls.ca_dir`, and the file of each of `passwords` under `secrets`.
    func relocate(_ root: inout Yams.Node, passwords: [ClusterPassword]) {
        var paths = root["paths"] ?? Yams.Node.mapping([:])
        paths["data"] = Yams.Node(path("data"))
        paths["config"] = Yams.Node(path("out/config"))
        paths["methods"] = Yams.Node(path("out/methods"))
        root["paths"] = paths
        if !passwords.isEmpty {
            var secrets = root["secrets"] ?? Yams.Node.mapping([:])
            for password in passwords {
                secrets["\(password.rawValue)_password"] = Yams.Node(path("secrets/\(password.fileName)"))
            }
            root["secrets"] = secrets
        }
        var tls = root["tls"] ?? Yams.Node.mapping([:])
        tls["ca_dir"] = Yams.Node(path("ca"))
        root["tls"] = tls
    }

    /// `smfkit generate` into out/ (again: into its own earlier output).
    func generate(_ definitionPath: String) throws {
        try ExampleCopy.generate(definitionPath, into: path("out"))
    }

    /// `node`'s restarter, booting it (a new one: nothing enabled but what
    /// `withProfile` enables) unless it runs already.
    func bootRestarter(of node: Cluster.Node, withProfile: Bool) throws -> NodeRestarter {
        let restarter = restarters[node.name]
            ?? NodeRestarter(node: node.name, generated: path("out"), stateDirectory: path("state/\(node.name)"))
        restarters[node.name] = restarter
        try restarter.boot(withProfile: withProfile, within: guardDeadline)
        return restarter
    }

    /// Every node's restarter, up with nothing enabled: the zones have
    /// booted with the package's manifests imported, before deploy.sh enables.
    func bootRestarters() throws {
        for node in nodes { _ = try bootRestarter(of: node, withProfile: false) }
    }

    func restarter(of node: Cluster.Node) throws -> NodeRestarter {
        guard let restarter = restarters[node.name] else { throw E2EFailure("no restarter runs \(node.name)") }
        return restarter
    }
}
