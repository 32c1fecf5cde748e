import ArgumentParser
import Foundation
import Restarter

struct SvcadmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svcadm",
        abstract: "Enable, disable, restart, refresh or clear an instance of a running smfkit run.",
        discussion: """
            Shaped like illumos's svcadm. FMRIs may be abbreviated as svcadm \
            allows (etcd:node1, network/etcd:node1). Exit status: 0 done, 1 \
            refused or (with -s) the instance did not get there, 2 usage or no \
            restarter answering.

            Example:  smfkit svcadm enable --state /tmp/node1 -s -T 30 etcd:node1
            """,
        subcommands: [Enable.self, Disable.self, Restart.self, Refresh.self, Clear.self]
    )

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable; with -s, wait until it is online.")
        @OptionGroup var control: StateOption
        @Flag(name: .customShort("s"), help: "Wait until the instance is online (or fails).") var synchronous = false
        @Option(name: .customShort("T"), help: "With -s, give up after this many seconds.") var timeout: Double?
        @Argument(help: "The instance.") var fmri: String

        func run() throws { try administer("enable", fmri, control, wait: synchronous, enabling: true, timeout: timeout) }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable; with -s, wait until it is disabled.")
        @OptionGroup var control: StateOption
        @Flag(name: .customShort("s"), help: "Wait until the instance is disabled.") var synchronous = false
        @Option(name: .customShort("T"), help: "With -s, give up after this many seconds.") var timeout: Double?
        @Argument(help: "The instance.") var fmri: String

        func run() throws { try administer("disable", fmri, control, wait: synchronous, enabling: false, timeout: timeout) }
    }

    struct Restart: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop and start a running instance.")
        @OptionGroup var control: StateOption
        @Argument(help: "The instance.") var fmri: String
        func run() throws { try administer("restart", fmri, control) }
    }

    struct Refresh: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-read the manifests for the instance and run its refresh method.")
        @OptionGroup var control: StateOption
        @Argument(help: "The instance.") var fmri: String
        func run() throws { try administer("refresh", fmri, control) }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take an instance out of maintenance.")
        @OptionGroup var control: StateOption
        @Argument(help: "The instance.") var fmri: String
        func run() throws { try administer("clear", fmri, control) }
    }
}

private func administer(
    _ command: String, _ fmri: String, _ control: StateOption, wait: Bool = false, enabling: Bool = true,
    timeout: Double? = nil
) throws {
    let response = try control.send(ControlRequest(command: command, fmri: fmri))
    try control.require(response, "svcadm")
    guard wait, let resolved = response.instances?.first?.fmri else { return }
    let outcome: AdministrativeWait.Outcome
    do {
        outcome = try AdministrativeWait.untilSettled(
            fmri: resolved, enabling: enabling, stateDirectory: control.state, timeout: timeout)
    } catch {
        writeToStandardError("smfkit svcadm: \(error)\n")
        throw ExitCode(2)
    }
    switch outcome {
    case .reached: return
    case .failed(let message):
        writeToStandardError("smfkit svcadm: \(message)\n")
        throw ExitCode(1)
    case .timedOut(let state):
        writeToStandardError("smfkit svcadm: \(resolved) is still \(state?.rawValue ?? "unknown") after \(timeout ?? 0) s; see smfkit svcs -x \(resolved)\n")
        throw ExitCode(1)
    }
}
