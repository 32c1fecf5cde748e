import ArgumentParser

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Not built yet."
    )

    func run() throws {
        throw ValidationError("smfkit init is not built yet")
    }
}
