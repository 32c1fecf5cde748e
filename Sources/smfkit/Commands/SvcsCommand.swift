import ArgumentParser
import Foundation
import Restarter

struct SvcsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svcs",
        abstract: "Show the instances of a running smfkit run, as illumos's svcs does.",
        discussion: """
            Without options, STATE, STIME and FMRI of every instance. -l FMRI: \
            everything known of one (state, since, reason, contract and \
            processes, dependencies, log). -x: why instances are not running \
            (the state, the reason, the log, the impact); with an FMRI, that one.

            Example:  smfkit svcs --state /tmp/node1 -x
            """
    )

    @OptionGroup var control: StateOption
    @Flag(name: .customShort("x"), help: "Explain instances that are not running.") var explain = false
    @Option(name: .customShort("l"), help: "Show everything about one instance.") var long: String?
    @Argument(help: "With -x, the instance to explain.") var fmri: String?

    func run() throws {
        if let long {
            let response = try control.send(ControlRequest(command: "status", fmri: long))
            try control.require(response, "svcs")
            writeToStandardOutput((response.instances ?? []).map(StatusFormatter.long).joined(separator: "\n"))
            return
        }
        let response = try control.send(ControlRequest(command: "status", fmri: fmri))
        try control.require(response, "svcs")
        let instances = response.instances ?? []
        writeToStandardOutput(explain ? StatusFormatter.explain(instances, named: fmri != nil) : StatusFormatter.list(instances))
    }
}

struct SvcpropCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svcprop",
        abstract: "Print an instance's properties as a running smfkit run holds them.",
        discussion: """
            The composed view (instance over service) of the running snapshot: \
            what the methods' %{pg/prop} tokens read; svcadm refresh retakes it.

            Example:  smfkit svcprop --state /tmp/node1 etcd:node1
            """
    )

    @OptionGroup var control: StateOption
    @Argument(help: "The instance.") var fmri: String

    func run() throws {
        let response = try control.send(ControlRequest(command: "properties", fmri: fmri))
        try control.require(response, "svcprop")
        writeToStandardOutput(StatusFormatter.properties(response.properties ?? []))
    }
}
