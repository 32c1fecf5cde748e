import Foundation
import TestSupport
import Testing
@testable import SMF

/// The built-in templates are the gate's own restarter.xml and global.xml,
/// reduced to what validation enforces: read the files and compare.
@Suite struct BuiltinTemplatesTests {
    /// What validation uses of a pg_pattern, comparable.
    struct Shape: Hashable, CustomStringConvertible {
        var name: String
        var type: String
        var required: Bool
        var properties: [String: String]

        init(_ pattern: PGPattern) {
            name = pattern.name ?? ""
            type = pattern.type ?? ""
            required = pattern.required == "true"
            var properties: [String: String] = [:]
            for prop in pattern.propPatterns {
                let cardinality = prop.cardinality.map { "\($0.min ?? "0")..\($0.max ?? BuiltinTemplates.maxCount)" }
                    ?? "0..\(BuiltinTemplates.maxCount)"
                let constraints = (prop.constraints?.values.map(\.name) ?? []).sorted().joined(separator: ",")
                properties[prop.name] = "\(prop.type ?? "") required=\(prop.required == "true") \(cardinality) "
                    + "[\(constraints)]"
            }
            self.properties = properties
        }

        var description: String { "\(name)/\(type) required=\(required) \(properties.sorted { $0.key < $1.key })" }
    }

    static func patterns(in file: String, target: String) throws -> [Shape] {
        let path = try Corpus.url("illumos-gate/usr/src/cmd/svc/milestone/\(file)")
        let document = try SMFDocument.load(path: path.path, dtd: .embedded)
        let service = try #require(document.bundle?.services.first)
        return (service.entity.template?.pgPatterns ?? []).filter { $0.target == target }.map(Shape.init)
    }

    @Test(.needsCorpus) func startdDelegatePatternsAreRestarterXML() throws {
        let fromFile = try Self.patterns(in: "restarter.xml", target: "delegate")
        #expect(fromFile.count == 5)
        #expect(Set(fromFile) == Set(BuiltinTemplates.startdDelegate.map(Shape.init)))
    }

    @Test(.needsCorpus) func globalPatternsAreGlobalXML() throws {
        let fromFile = try Self.patterns(in: "global.xml", target: "all")
        #expect(fromFile.count == 8)
        #expect(Set(fromFile) == Set(BuiltinTemplates.global.map(Shape.init)))
    }
}
