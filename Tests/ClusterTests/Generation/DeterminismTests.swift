import Foundation
import Testing
@testable import Cluster
import Output

@Suite struct DeterminismTests {
    @Test(arguments: Generated.examples)
    func theSameDefinitionGivesTheSameBytes(example: String) throws {
        let first = try Generated.files(ofExample: example)
        let second = try Generated.files(ofExample: example)
        #expect(first == second)
    }

    @Test func aSecondRunIntoItsOwnOutputChangesNothing() throws {
        let directory = try Generated.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = try Generated.files(ofExample: "patroni")
        let first = try OutputWriter(directory: directory).write(files)
        #expect(first.written.count == files.count)
        let second = try OutputWriter(directory: directory).write(files)
        #expect(second.written.isEmpty)
        #expect(second.unchanged.count == files.count)
        #expect(second.removed.isEmpty)
    }

    @Test func generatedXMLHasNoTimestampAndOneStartTagPerLine() throws {
        for file in try Generated.files(ofExample: "patroni") where file.path.hasSuffix(".xml") {
            #expect(file.contents.firstMatch(of: /\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}/) == nil, "\(file.path) carries a date or time")
            // Outside comments every line is exactly one tag: a start tag
            // split over lines would leave a line that does not begin with
            // `<` or does not end with `>`.
            var inComment = false
            for line in file.contents.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("<!--") { inComment = !trimmed.hasSuffix("-->"); continue }
                if inComment { inComment = !trimmed.hasSuffix("-->"); continue }
                #expect(trimmed.hasPrefix("<") && trimmed.hasSuffix(">"), "\(file.path): a tag is split: \(line)")
            }
        }
    }
}

/// generate holds its own SMF output to `validate --strict`: a method-token
/// lint in a user's template stops the generation instead of a node.
@Suite struct StrictVerifyTests {
    @Test func aMethodTokenLintInATemplateStopsGeneration() throws {
        var templates = try TemplateSet.builtIn()
        let index = try #require(templates.services.firstIndex { $0.kind == "etcd" })
        templates.services[index].methods[0].exec = "%{config/etcd} --name %{config/no_such_property}"
        let outcome = GenerationPipeline(templates: templates)
            .run(definitionText: try String(contentsOfFile: Fixtures.path("Examples/patroni.yaml"), encoding: .utf8),
                 file: "patroni.yaml")
        guard case .invalidOutput(let problems) = outcome else {
            Issue.record("generation went ahead with a method svc.startd cannot expand")
            return
        }
        #expect(problems.contains { $0.rule == "smf.method.token-property" && $0.severity == .error })
    }
}
