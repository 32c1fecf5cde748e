import ArgumentParser
import Diagnostics
import Dispatch
import Foundation
import Output
import Restarter

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run SMF manifests on Linux with svc.startd's rules, until stopped.",
        discussion: """
            A restarter for the instances the manifests define (or those named \
            NODE): states, dependencies (require_all, require_any, optional_all, \
            exclude_all, restart_on, file:// paths), start/stop/refresh methods \
            run as svc.startd runs them, contract/child/transient durations, \
            restarts, the fault threshold and the five-starts-in-600-seconds \
            rule to maintenance, method timeouts. docs/run.md lists every rule, \
            its illumos source, and what is not emulated.

            Logs go to DIR/log/ (one per instance, as /var/svc/log); smfkit \
            svcadm, svcs and svcprop talk to it through DIR/control.sock. \
            SIGTERM or SIGINT stops every process it started, then it exits 0.

            Exit status: 0 stopped by a signal, 1 the manifests cannot be run, \
            2 usage or I/O error.

            Example:  smfkit run out --node node1 --profile out/profiles/node1.xml --state /tmp/node1
            """
    )

    @Argument(help: "A directory smfkit generate wrote, or SMF XML files.")
    var inputs: [String] = []

    @Option(help: "The node: run only the instances with this name.")
    var node: String?

    @Option(help: ArgumentHelp("A profile to apply after the manifests (what it enables is enabled).", valueName: "xml"))
    var profile: String?

    @Option(help: ArgumentHelp("The state directory: logs, control socket, process groups.", valueName: "dir"))
    var state: String

    @Option(help: ArgumentHelp(
        "A test aid: multiply svc.startd's own windows (600 s start rate, 1 s child throttle) by this factor.",
        valueName: "factor"))
    var timeScale: Double = 1

    @Option(help: ArgumentHelp("SMF_ZONENAME for the methods.", valueName: "name"))
    var zone = "global"

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name a directory or at least one SMF XML file") }
        guard timeScale > 0 else { throw ValidationError("--time-scale must be greater than 0") }
    }

    func run() throws {
        let configuration = RunConfiguration(
            inputs: inputs, manifestsFolder: GeneratedLayout.manifests, profile: profile, node: node,
            stateDirectory: URL(fileURLWithPath: state).standardizedFileURL.path, timeScale: timeScale, zoneName: zone)
        let restarter: Restarter
        do {
            restarter = try Restarter(configuration: configuration)
        } catch {
            switch error {
            case .unreadable(let diagnostics):
                writeToStandardError(DiagnosticFormatter.text(diagnostics))
                throw ExitCode(2)
            case .invalid(let diagnostics):
                writeToStandardError(DiagnosticFormatter.text(diagnostics))
                throw ExitCode(1)
            case .stateDirectory(let message):
                writeToStandardError("smfkit run: \(message)\n")
                throw ExitCode(2)
            }
        }
        signal(SIGPIPE, SIG_IGN)
        if !ProcessGroups.becomeSubreaper() {
            writeToStandardError("smfkit run: warning: cannot become the reaper of orphaned daemons; a daemon's death by signal is then seen only as an empty contract\n")
        }
        let server: ControlServer
        do {
            server = try ControlServer(restarter: restarter)
        } catch {
            writeToStandardError("smfkit run: \(error)\n")
            throw ExitCode(2)
        }
        let stop = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        server.serve()
        restarter.start()
        stop.wait()
        server.close()
        restarter.shutdown()
        sources.forEach { $0.cancel() }
    }
}
