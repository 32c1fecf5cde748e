import Diagnostics
import Foundation
import Testing
@testable import Cluster
import Output

/// Every stage's error has the one shape: diagnostics naming the file.
@Suite struct StageErrorTests {
    func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch let error as any StageError {
            return error.diagnostics
        } catch {
            Issue.record("\(type(of: error)) is not a StageError")
            return []
        }
    }

    @Test func loadWriteAndTemplateErrorsNameTheirFile() throws {
        let load = diagnostics { _ = try DefinitionLoader.load(path: "/nonexistent/c.yaml") }
        #expect(load.map(\.location.file) == ["/nonexistent/c.yaml"])
        #expect(load.first?.rule == "cluster.file.unreadable")

        let file = try Generated.temporaryDirectory() + "/plain-file"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let write = diagnostics { _ = try OutputWriter(directory: file).write([GeneratedFile(path: "a", contents: "b")]) }
        #expect(write.first?.rule == "generate.write")
        #expect(write.first?.location.file.hasSuffix("plain-file") == true)

        let templates = diagnostics { _ = try TemplateSet.load(directory: "/nonexistent/templates") }
        #expect(templates.first?.location.file.hasPrefix("/nonexistent/templates") == true)
    }
}
