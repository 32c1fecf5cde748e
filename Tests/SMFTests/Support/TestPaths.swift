import Foundation
import TestSupport

/// Paths the SMF tests read: our DTD in the checkout, and the external corpus
/// through `Corpus` (which throws, saying how to get it, where it is absent).
enum TestPaths {
    static let ourDTD = PackageRoot.url.appending(path: "Sources/SMF/DTD/service_bundle.dtd")

    static func illumosDTD() throws -> URL { try Corpus.illumosDTD() }

    /// Every SMF bundle of the corpus (illumos-gate and third-party), sorted.
    static func corpusBundles(under folders: [String] = ["illumos-gate", "thirdparty"]) throws -> [URL] {
        try Corpus.xmlFiles(under: folders)
    }
}

/// A bundle document with the canonical DOCTYPE around `body`.
func bundleXML(type: String = "manifest", name: String = "test", _ body: String) -> String {
    """
    <?xml version="1.0"?>
    <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
    <service_bundle type="\(type)" name="\(name)">
    \(body)
    </service_bundle>

    """
}
