import Foundation

/// The external test data — real illumos-gate and third-party SMF bundles,
/// the illumos DTD and Tribblix's descriptors — which is not ours and never
/// lives in this repository.
///
/// It is found in one place: the directory `$SMFKIT_CORPUS` names, else
/// `../shared` beside the checkout. Both have the same layout:
/// `corpus/illumos-gate`, `corpus/thirdparty`, `corpus/tribblix` and
/// `smf/service_bundle.dtd.1` (`Scripts/fetch-corpus DIR` lays it out).
///
/// Where neither exists — a user's fresh clone — tests that need it are
/// skipped with `Corpus.missingReason`. Under `CI=true` they run anyway and
/// fail through `Corpus.require()`, so CI keeps proving conformance.
public enum Corpus {
    /// The directory that holds `corpus/` and `smf/`, if there is one.
    public static let root: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["SMFKIT_CORPUS"], !named.isEmpty {
            let url = URL(fileURLWithPath: named)
            return isDirectory(url.appending(path: "corpus")) ? url : nil
        }
        let beside = PackageRoot.url.deletingLastPathComponent().appending(path: "shared")
        return isDirectory(beside.appending(path: "corpus")) ? beside : nil
    }()

    public static var isAvailable: Bool { root != nil }

    /// Under CI a missing corpus is a failure, not a skip.
    public static var isRequired: Bool { CI.isRunning }

    /// For `.enabled(if: Corpus.shouldRun, Corpus.skipComment)`: run where the
    /// corpus is, or where its absence must fail.
    public static var shouldRun: Bool { isAvailable || isRequired }

    public static let missingReason = """
        the external corpus was not found: set SMFKIT_CORPUS to a directory laid out like \
        shared/ (corpus/illumos-gate, corpus/thirdparty, corpus/tribblix, smf/service_bundle.dtd.1) — \
        `Scripts/fetch-corpus DIR` fetches it — or place it at ../shared beside the checkout
        """

    public struct Missing: Error, CustomStringConvertible {
        public var description: String { Corpus.missingReason }
    }

    /// The corpus root, or an error that says how to get it.
    public static func require() throws -> URL {
        guard let root else { throw Missing() }
        return root
    }

    /// `corpus/<relative>` under the root.
    public static func url(_ relative: String) throws -> URL {
        try require().appending(path: "corpus").appending(path: relative)
    }

    public static func path(_ relative: String) throws -> String {
        try url(relative).path
    }

    /// The illumos DTD, `smf/service_bundle.dtd.1`.
    public static func illumosDTD() throws -> URL {
        try require().appending(path: "smf/service_bundle.dtd.1")
    }

    /// Every `.xml` file under `corpus/<folder>` for each folder, sorted.
    public static func xmlFiles(under folders: [String]) throws -> [URL] {
        var found: [URL] = []
        for folder in folders {
            let base = try url(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let file as URL in walker where file.pathExtension == "xml" {
                found.append(file)
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
