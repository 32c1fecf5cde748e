import Foundation
import Testing

/// Inputs the XML fuzz target (Fuzz/, `Scripts/fuzz xml`) turned up, kept
/// under Fuzz/Regressions/xml/, run through the built `smfkit validate`:
/// a verdict, quickly, and nothing on stderr but diagnostics (libxml2 used
/// to print "I/O error : encoder error" there itself).
@Suite struct XMLFuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let directory = root.appending(path: "Fuzz/Regressions/xml").path

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs)
    func stderrHoldsOnlyDiagnostics(name: String) throws {
        let process = Process()
        process.executableURL = Self.root.appending(path: ".build/debug/smfkit")
        process.arguments = ["validate", Self.directory + "/" + name]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(process.terminationStatus == 1)
        let lines = stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.wholeMatch(of: /[^:]+(:\d+){0,2}: (error|warning): .+ \[[a-z0-9.-]+\]/) != nil,
                    "not a diagnostic: \(line)")
        }
    }
}
