import ArgumentParser
import Foundation
import Restarter

/// `--state DIR`, shared by the commands that talk to a `smfkit run`.
struct StateOption: ParsableArguments {
    @Option(help: ArgumentHelp("The state directory of the smfkit run to talk to.", valueName: "dir"))
    var state: String

    /// Sends one request; a restarter that does not answer is an I/O error (2).
    func send(_ request: ControlRequest) throws -> ControlResponse {
        do {
            return try ControlClient.send(request, stateDirectory: state)
        } catch {
            writeToStandardError("smfkit: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// A refused request is exit 1, with the restarter's words.
    func require(_ response: ControlResponse, _ command: String) throws {
        guard response.ok else {
            writeToStandardError("smfkit \(command): \(response.message ?? "refused")\n")
            throw ExitCode(1)
        }
    }
}
