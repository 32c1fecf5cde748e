import ArgumentParser
import Foundation

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
        version: SmfkitVersion.current,
        subcommands: [
            ValidateCommand.self,
            CheckCommand.self,
            InitCommand.self,
            GenerateCommand.self,
            PlanCommand.self,
            GraphCommand.self,
            DescribeCommand.self,
            ConvertCommand.self,
            RunCommand.self,
            SvcadmCommand.self,
            SvcsCommand.self,
            SvcpropCommand.self,
        ]
    )

    /// The command-line contract (DESIGN.md) gives usage errors exit status 2;
    /// ArgumentParser's own is 64 (EX_USAGE).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                writeToStandardError(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
