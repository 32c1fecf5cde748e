import ArgumentParser
import Foundation
import Restarter

struct SvcsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svcs",
        abstract: "Show the instances of a running smfkit run, as illumos's svcs does.",
        discussion: """
            Without options, STATE, STIME and FMRI of every instance (or of \
            the one named); -H leaves out the header, -o the columns (state, \
            nstate, stime, ctid, fmri). -l FMRI: everything known of one \
            (state, since, reason, contract and processes, dependencies, \
            log). -x: why instances are not running (the state, the reason, \
            the log, the impact); with an FMRI, that one.

            Examples:  smfkit svcs --state /tmp/node1 -x
                       smfkit svcs --state /tmp/node1 -H -o state etcd:node1
            """
    )

    @OptionGroup var control: StateOption
    @Flag(name: .customShort("x"), help: "Explain instances that are not running.") var explain = false
    @Option(name: .customShort("l"), help: "Show everything about one instance.") var long: String?
    @Flag(name: .customShort("H"), help: "Leave out the header (for scripts).") var noHeader = false
    @Option(name: .customShort("o"), help: "The columns, comma-separated: state, nstate, stime, ctid, fmri.")
    var columns: String?
    @Argument(help: "The instance to list, or with -x to explain.") var fmri: String?

    func validate() throws {
        if let columns {
            do { _ = try StatusColumn.parse(columns) } catch { throw ValidationError(error.description) }
        }
    }

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
        if explain {
            writeToStandardOutput(StatusFormatter.explain(instances, named: fmri != nil))
        } else {
            let chosen = try columns.map { try StatusColumn.parse($0) } ?? StatusColumn.defaults
            writeToStandardOutput(StatusFormatter.list(instances, columns: chosen, header: !noHeader))
        }
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
