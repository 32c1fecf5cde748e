import ArgumentParser

@main
struct SmfkitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smfkit",
        abstract: "Generate and validate SMF manifests for an HA PostgreSQL cluster on illumos.",
        discussion: """
            smfkit turns one YAML cluster definition into SMF manifests, per-node \
            profiles, haproxy and patroni configs, Tribblix packages and overlays and \
            a deploy script; and it validates any SMF manifest or profile the way \
            svccfg does, on any OS.

            Start with:  smfkit init > cluster.yaml
            """,
        subcommands: [
            ValidateCommand.self,
            CheckCommand.self,
            InitCommand.self,
            GenerateCommand.self,
            PlanCommand.self,
        ]
    )
}
