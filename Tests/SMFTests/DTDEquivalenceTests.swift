import Foundation
import TestSupport
import Testing
@testable import SMF

/// smfkit's own DTD gives the same verdict as the illumos DTD, judged by the
/// real `xmllint --dtdvalid`, on every corpus bundle and on a mutation suite
/// that breaks every element's content model and every attribute.
@Suite struct DTDEquivalenceTests {
    /// Our verdict on each file: DTD-valid or not, with smfkit's embedded DTD
    /// in the given variant, through the same code `smfkit validate` runs.
    func ourInvalidFiles(_ files: [String], variant: DTDVariant) throws -> Set<String> {
        let cache = DTDCache(source: .embedded)
        let dtd = try cache.dtd(variant).get()
        var invalid = Set<String>()
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let parsed = try #require(ParsedXML.parse(data))
            #expect(parsed.document != nil, "\(file) is not well-formed")
            if !DTDValidator.validate(parsed, against: dtd).isEmpty { invalid.insert(file) }
        }
        return invalid
    }

    /// xmllint's verdict with the illumos DTD, switched to `variant`.
    func illumosInvalidFiles(_ files: [String], variant: DTDVariant, scratch: URL) throws -> Set<String> {
        let illumos = try String(contentsOf: TestPaths.illumosDTD(), encoding: .utf8)
        let dtd = scratch.appending(path: "illumos-\(variant.rawValue).dtd")
        try Xmllint.writeVariant(variant, of: illumos, to: dtd)
        return try Xmllint.invalidFiles(files, dtd: dtd.path)
    }

    func makeScratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "smfkit-dtd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(.needsCorpus) func corpusVerdictsMatchXmllint() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = try TestPaths.corpusBundles()
        #expect(files.count == 225)
        var byVariant: [DTDVariant: [String]] = [:]
        for file in files {
            let document = try SMFDocument.load(path: file.path, dtd: .embedded)
            byVariant[DTDVariant(bundleType: document.bundle?.type), default: []].append(file.path)
        }
        #expect(byVariant[.profile]?.count == 16)
        var invalidCount = 0
        for (variant, group) in byVariant {
            let ours = try ourInvalidFiles(group, variant: variant)
            let theirs = try illumosInvalidFiles(group, variant: variant, scratch: scratch)
            #expect(ours == theirs, "\(variant): only ours \(ours.subtracting(theirs)), only xmllint \(theirs.subtracting(ours))")
            invalidCount += theirs.count
        }
        // generic_open, generic_limited_net (xi:include) and the two omnios
        // profiles without `enabled` are DTD-invalid even as profiles.
        #expect(invalidCount == 4)
    }

    @Test(.needsCorpus) func mutationVerdictsMatchXmllint() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bases: [(name: String, text: String, variant: DTDVariant)] = [
            ("manifest", BaseDocuments.manifest, .manifest),
            ("nested", BaseDocuments.nested, .manifest),
            ("includes", BaseDocuments.includes, .manifest),
            ("profile", BaseDocuments.profile, .profile),
        ]
        var mutations: [(mutation: Mutation, path: String, variant: DTDVariant)] = []
        for base in bases {
            let document = SMFDocument.load(data: Data(base.text.utf8), path: base.name, dtd: .embedded)
            let root = try #require(document.root)
            // The bases themselves are valid on both sides.
            let basePath = scratch.appending(path: "\(base.name).xml").path
            try FixtureXMLWriter.document(root).write(toFile: basePath, atomically: true, encoding: .utf8)
            #expect(try ourInvalidFiles([basePath], variant: base.variant).isEmpty, "\(base.name) base")
            for (index, mutation) in Mutations.all(of: root, prefix: base.name).enumerated() {
                let path = scratch.appending(path: "\(base.name)-\(index).xml").path
                try FixtureXMLWriter.document(mutation.document).write(toFile: path, atomically: true, encoding: .utf8)
                mutations.append((mutation, path, base.variant))
            }
        }
        #expect(mutations.count >= 150)

        var invalidByElement: [String: Int] = [:]
        var invalidTotal = 0
        for variant in DTDVariant.allCases {
            let group = mutations.filter { $0.variant == variant }
            let paths = group.map(\.path)
            let ours = try ourInvalidFiles(paths, variant: variant)
            let theirs = try illumosInvalidFiles(paths, variant: variant, scratch: scratch)
            for item in group where ours.contains(item.path) != theirs.contains(item.path) {
                Issue.record("\(item.mutation.label): smfkit says \(ours.contains(item.path) ? "invalid" : "valid"), xmllint says \(theirs.contains(item.path) ? "invalid" : "valid") (\(item.path))")
            }
            for item in group where theirs.contains(item.path) {
                invalidByElement[item.mutation.element, default: 0] += 1
                invalidTotal += 1
            }
        }
        #expect(invalidTotal >= 150)

        // Every element the illumos DTD declares was broken at least once.
        let illumos = try String(contentsOf: TestPaths.illumosDTD(), encoding: .utf8)
        let declared = Set(illumos.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("<!ELEMENT ") else { return nil }
            return line.dropFirst("<!ELEMENT ".count).split(separator: " ").first.map(String.init)
        })
        #expect(declared.count == 60)
        let unbroken = declared.filter { invalidByElement[$0, default: 0] == 0 }
        #expect(unbroken.isEmpty, "elements no mutation broke: \(unbroken.sorted())")
    }
}
