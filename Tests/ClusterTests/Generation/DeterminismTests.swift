import Foundation
import Testing
@testable import Cluster

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
            for line in file.contents.split(separator: "\n") where line.contains("<") && !line.contains("<!--") {
                let trimmed = line.drop { $0 == " " }
                #expect(trimmed.hasPrefix("<") || trimmed.hasPrefix("-"), "\(file.path): a tag is split: \(line)")
            }
        }
    }
}
