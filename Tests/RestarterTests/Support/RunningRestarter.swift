#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Restarter
import TestSupport

/// One `smfkit run` for one test: manifests in a fresh directory, the
/// restarter started as a user starts it, and everything it started killed
/// at the end — even if the restarter itself is gone — with what survived
/// reported so the test can fail on it.
final class RunningRestarter {
    let directory: URL
    let manifests: URL
    let state: String
    let process = Process()
    private var stopped = false

    /// `make` gets a function that names a file in the test's directory
    /// (for methods to write to) and returns the services to run.
    init(
        timeScale: Double? = nil, profile: String? = nil, _ make: (_ path: (String) -> String) -> [TestService]
    ) throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "smfkit-run-\(UUID().uuidString.prefix(8))")
        manifests = directory.appending(path: "manifests")
        state = directory.appending(path: "state").path
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        let directory = self.directory
        try write(make { directory.appending(path: $0).path })
        process.executableURL = Smfkit.binary
        var profileArguments: [String] = []
        if let profile {
            let file = directory.appending(path: "profile.xml")
            try profile.write(to: file, atomically: true, encoding: .utf8)
            profileArguments = ["--profile", file.path]
        }
        process.arguments = ["run", manifests.path, "--state", state]
            + (timeScale.map { ["--time-scale", String($0)] } ?? []) + profileArguments
        let output = directory.appending(path: "run.out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)  // FileHandle below fails if not
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try waitUntil("the control socket appears", timeout: 20) {
            FileManager.default.fileExists(atPath: self.state + "/control.sock") || !self.process.isRunning
        }
        guard process.isRunning else {
            throw Failure("smfkit run exited at once: \((try? String(contentsOf: output, encoding: .utf8)) ?? "")")
        }
    }

    /// Rewrites the manifest (for refresh).
    func write(_ services: [TestService]) throws {
        try bundle(services).write(to: manifests.appending(path: "services.xml"), atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { directory.appending(path: name).path }

    func status(_ fmri: String) throws -> InstanceStatus {
        let response = try ControlClient.send(ControlRequest(command: "status", fmri: fmri), stateDirectory: state)
        guard let instance = response.instances?.first else { throw Failure(response.message ?? "no status") }
        return instance
    }

    /// Waits until the instance is in `state` and not in transition.
    @discardableResult
    func wait(_ fmri: String, _ state: InstanceState, timeout: Double = 20) throws -> InstanceStatus {
        var last: InstanceStatus?
        do {
            try waitUntil("\(fmri) to be \(state.rawValue)", timeout: timeout) {
                last = try? self.status(fmri)
                return last?.state == state && last?.nextState == nil
            }
        } catch {
            throw Failure("\(error); it is \(last?.state.rawValue ?? "unknown"); log:\n\(log(fmri))")
        }
        return try status(fmri)
    }

    func smfkit(_ arguments: [String]) throws -> ProcessRun {
        try Smfkit.run(arguments)
    }

    func log(_ fmri: String) -> String {
        let name = String(fmri.dropFirst(5)).replacingOccurrences(of: "/", with: "-") + ".log"
        return (try? String(contentsOfFile: state + "/log/" + name, encoding: .utf8)) ?? ""
    }

    /// Lines of a file a method appends to (0 when absent).
    func lines(_ name: String) -> [String] {
        ((try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// SIGTERM, at most 15 s for the restarter to stop its services, then
    /// SIGKILL to it and to every process group it recorded. Returns the
    /// processes that were still alive after the restarter's own cleanup.
    @discardableResult
    func stop() -> [pid_t] {
        guard !stopped else { return [] }
        stopped = true
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            try? waitUntil("smfkit run to exit", timeout: 15) { !self.process.isRunning }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        let groups = ((try? String(contentsOfFile: state + "/process-groups", encoding: .utf8)) ?? "")
            .split(separator: "\n").compactMap { pid_t($0) }
        let survivors = groups.filter { kill(-$0, 0) == 0 }
        for group in groups { kill(-group, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
        return survivors
    }

    deinit { stop() }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Polls `condition` every 50 ms for at most `timeout` seconds.
func waitUntil(_ what: String, timeout: Double, _ condition: () throws -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return }
        usleep(50_000)
    }
    if try condition() { return }
    throw Failure("timed out after \(timeout) s waiting for \(what)")
}
