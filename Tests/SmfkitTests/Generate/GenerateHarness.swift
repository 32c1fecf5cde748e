import Foundation
import TestSupport

/// Runs the built `smfkit generate` as a user does, for the tests of what it
/// leaves on disk: to completion, or killed at a chosen moment.
enum GenerateHarness {
    /// The built smfkit, found next to the test bundle by TestSupport.
    static let binary = Smfkit.binary.path

    struct Run {
        var status: Int32
        var stderr: String
    }

    /// A patroni or stolon cluster of `nodes` nodes: the two stacks share
    /// some files, differ in others, so a switch between them writes,
    /// replaces and removes files.
    static func definition(stack: String, nodes: Int) -> String {
        var text = "cluster: kill-test\nstack: \(stack)\nnodes:\n"
        for index in 1...nodes {
            text += "  - name: node\(index)\n    address: 10.0.\(index / 250).\(index % 250 + 1)\n"
            // Three etcd members (etcd advises at most seven); the rest its clients.
            if index > 3 { text += stack == "stolon" ? "    roles: [postgres, sentinel, proxy]\n" : "    roles: [postgres, proxy]\n" }
        }
        return text
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appending(path: "smfkit-gen-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func generate(_ definition: String, out: String, extra: [String] = []) throws -> Run {
        let run = try Smfkit.run(["generate", definition, "--out", out] + extra)
        return Run(status: run.status, stderr: run.stderr)
    }

    /// Starts a generate, waits until `moment` says so, then sends SIGKILL.
    /// Returns whether the process was still running when killed.
    static func generateAndKill(_ definition: String, out: String, moment: () -> Void) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["generate", definition, "--out", out]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        moment()
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal
    }

    /// Every entry under `directory` (not following links): path → bytes
    /// and mode for files, "dir"/"link → target" otherwise. The lock file is
    /// left out: it is empty, and there whatever happened.
    static func snapshot(_ directory: String) -> [String: String] {
        var result: [String: String] = [:]
        func visit(_ relative: String) {
            let absolute = relative.isEmpty ? directory : directory + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? [] {
                let path = relative.isEmpty ? name : relative + "/" + name
                if path == ".smfkit-lock" { continue }
                var info = stat()
                guard lstat(directory + "/" + path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    result[path] = "dir"
                    visit(path)
                case S_IFLNK:
                    result[path] = "link → " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: directory + "/" + path)) ?? "")
                default:
                    let bytes = FileManager.default.contents(atPath: directory + "/" + path) ?? Data()
                    result[path] = String(info.st_mode & 0o7777, radix: 8) + " " + String(decoding: bytes, as: UTF8.self)
                }
            }
        }
        visit("")
        return result
    }

    /// What smfkit keeps beside an output directory while it works.
    static func siblings(of out: String) -> [String] {
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter {
            $0.hasPrefix("." + name + ".smfkit-")
        }
    }
}
