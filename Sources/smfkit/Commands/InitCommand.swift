import ArgumentParser
import Cluster
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print a commented example cluster definition.",
        discussion: """
            The example is the three-zone walk-through (node1..node3 at \
            192.168.0.231-233) for the chosen stack; optional keys are shown \
            commented out at their defaults.

            Example:  smfkit init --stack stolon > cluster.yaml
            """
    )

    @Option(help: "What runs: patroni or stolon (PostgreSQL under that HA manager), etcd (the etcd cluster alone), or replication (PostgreSQL streaming replication alone).")
    var stack: Stack = .patroni

    func run() throws {
        FileHandle.standardOutput.write(Data(ExampleDefinition.text(stack: stack).utf8))
    }
}

extension Stack: ExpressibleByArgument {}
