import Foundation

/// What a finished process said and how it ended.
public struct ProcessRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public var succeeded: Bool { status == 0 }
}

/// Runs a program to completion. Output goes to files, not pipes, so nothing
/// blocks however much the program writes; standard input is empty unless
/// given. With a `timeout` (seconds) a program still running is killed
/// (SIGKILL), and its status says so.
public func runProcess(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
    directory: URL? = nil, input: String? = nil, timeout: Double? = nil
) throws -> ProcessRun {
    let folder = FileManager.default.temporaryDirectory.appending(path: "smfkit-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outputURL = folder.appending(path: "stdout")
    let errorURL = folder.appending(path: "stderr")
    let inputURL = folder.appending(path: "stdin")
    for url in [outputURL, errorURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
    _ = FileManager.default.createFile(atPath: inputURL.path, contents: Data((input ?? "").utf8))

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    let output = try FileHandle(forWritingTo: outputURL)
    let errors = try FileHandle(forWritingTo: errorURL)
    let standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = standardInput
    try process.run()
    let watchdog = DispatchWorkItem { [process] in
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog) }
    process.waitUntilExit()
    watchdog.cancel()
    try output.close()
    try errors.close()
    try standardInput.close()
    return ProcessRun(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
}
