import ArgumentParser

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Not built yet."
    )

    func run() throws {
        throw ValidationError("smfkit plan is not built yet")
    }
}
