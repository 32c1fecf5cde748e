import Foundation

/// Where the package and the shared data live, found from this file's path so
/// tests run from any working directory.
enum TestPaths {
    /// `<package root>`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SMFTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `<package root>/../shared`.
    static let shared = packageRoot.deletingLastPathComponent().appending(path: "shared")
    static let corpus = shared.appending(path: "corpus")
    static let illumosDTD = shared.appending(path: "smf/service_bundle.dtd.1")
    static let ourDTD = packageRoot.appending(path: "Sources/SMF/DTD/service_bundle.dtd")

    /// Every SMF bundle of the corpus (illumos-gate and third-party), sorted.
    static func corpusBundles(under folders: [String] = ["illumos-gate", "thirdparty"]) -> [URL] {
        var found: [URL] = []
        for folder in folders {
            let root = corpus.appending(path: folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in walker where url.pathExtension == "xml" {
                found.append(url)
            }
        }
        return found.sorted { $0.path < $1.path }
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
