import Foundation
import TestSupport
import Testing
@testable import SMF

/// `BundleRenderer` alone: what it writes reads back as the model it was
/// given, for every bundle of the corpus and for values built to break XML.
@Suite struct BundleRendererTests {
    /// Read → render → read: the two models are equal, locations aside, and
    /// rendering the second gives the same text (rendering is a fixed point).
    /// Leading comments are compared line by line without indentation: the
    /// writer indents a multi-line comment's lines, which the reader keeps.
    @Test(.needsCorpus) func everyCorpusBundleSurvivesARoundTrip() throws {
        let files = try Corpus.xmlFiles(under: ["illumos-gate", "thirdparty"])
        #expect(files.count > 100)
        var compared = 0
        for file in files {
            let document = try SMFDocument.load(path: file.path, dtd: .embedded)
            guard let read = document.bundle else { continue }
            let text = BundleRenderer.render(read)
            let again = SMFDocument.load(data: Data(text.utf8), path: "rendered.xml", dtd: .embedded)
            guard let reread = again.bundle else {
                Issue.record("\(file.lastPathComponent): the rendering does not read back: \(again.problems.prefix(3))")
                continue
            }
            #expect(structure(Self.uncommented(reread)) == structure(Self.uncommented(read)), "\(file.path)")
            #expect(reread.leadingComments.map(Self.lines) == read.leadingComments.map(Self.lines), "\(file.path)")
            #expect(BundleRenderer.render(Self.uncommented(reread)) == BundleRenderer.render(Self.uncommented(read)),
                    "\(file.path)")
            compared += 1
        }
        #expect(compared > 100, "only \(compared) corpus bundles were read")
    }

    static func uncommented(_ bundle: ServiceBundle) -> ServiceBundle {
        var copy = bundle
        copy.leadingComments = []
        return copy
    }

    /// A comment's non-empty lines, trimmed.
    static func lines(_ comment: String) -> [String] {
        comment.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func valuesThatLookLikeMarkupStayValues() throws {
        let hostile = "a\"b<c>&d'e\tf\ng --> <!-- ]]>"
        let bundle = ServiceBundle(
            type: .manifest, name: hostile,
            services: [Service(name: "site/x", instances: [Instance(name: "i", enabled: false)])],
            leadingComments: ["a comment -- with dashes -"])
        let text = BundleRenderer.render(bundle)
        let read = try #require(SMFDocument.load(data: Data(text.utf8), path: "h.xml", dtd: .embedded).bundle)
        #expect(read.name == hostile)
        #expect(read.services.map(\.name) == ["site/x"])
        #expect(structure(read.services) == structure(bundle.services))
    }

    @Test func theOutputHasTheDoctypeAndNoTimestamp() {
        let text = BundleRenderer.render(ServiceBundle(type: .profile, name: "p", services: []))
        #expect(text.hasPrefix("<?xml version=\"1.0\"?>\n<!DOCTYPE service_bundle SYSTEM "))
        #expect(text == BundleRenderer.render(ServiceBundle(type: .profile, name: "p", services: [])))
    }
}
