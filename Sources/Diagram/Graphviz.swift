import Foundation

/// SVG from DOT through Graphviz's `dot`, the one program that lays out
/// these pictures; smfkit draws nothing itself.
public enum Graphviz {
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case notInstalled
        case failed(status: Int32, message: String)

        public var description: String {
            switch self {
            case .notInstalled:
                return "Graphviz's dot is not installed: install the graphviz package "
                    + "(Debian/Ubuntu: apt-get install graphviz), or use --format dot or mermaid"
            case .failed(let status, let message):
                return "dot exited \(status): \(message.prefix(500))"
            }
        }
    }

    /// `dot` on PATH or in the usual places.
    public static func dotExecutable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/local/bin"]
        return directories.lazy.map { URL(fileURLWithPath: $0).appending(path: "dot") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Lays out `dot` text and returns the SVG document.
    public static func svg(fromDOT dot: String) throws(Failure) -> String {
        guard let executable = dotExecutable() else { throw .notInstalled }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .failed(status: -1, message: "\(error)") }
        // Write, read and drain stderr at once: a large picture fills any
        // one pipe while dot waits on another.
        let done = DispatchGroup()
        let collected = ErrorText()
        DispatchQueue.global().async(group: done) {
            input.fileHandleForWriting.write(Data(dot.utf8))
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: done) {
            collected.set(errors.fileHandleForReading.readDataToEndOfFile())
        }
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        let message = collected.get()
        guard process.terminationStatus == 0 else {
            throw .failed(status: process.terminationStatus, message: String(decoding: message, as: UTF8.self))
        }
        return String(decoding: svg, as: UTF8.self)
    }
}

/// What dot wrote on stderr, handed from the thread that read it.
private final class ErrorText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
