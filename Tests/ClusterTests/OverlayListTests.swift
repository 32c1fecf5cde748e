import Foundation
import TestSupport
import Testing
@testable import Cluster

@Suite struct OverlayListTests {
    /// The embedded list is the catalog's ids, no more and no fewer.
    @Test(.needsCorpus) func embeddedListEqualsTheTribblixCatalog() throws {
        let catalog = try String(contentsOfFile: Corpus.path("tribblix/overlays/catalog"), encoding: .utf8)
        let ids = Set(catalog.split(whereSeparator: \.isNewline).compactMap { $0.split(separator: "|").first.map(String.init) })
        #expect(ids.count > 100)
        #expect(OverlayTakenCheck.shippedOverlays == ids)
    }
}
