import Foundation
import Output

/// Where `smfkit generate` puts things in its output directory, as the
/// commands that read that directory (plan, graph, describe, run) look for them.
enum GeneratedLayout {
    /// The manifests: a directory given to plan, graph, describe or run is read
    /// from here when it has this folder.
    static let manifests = "manifests"

    /// Whether the inputs are one directory smfkit generate wrote: its
    /// deploy.sh runs every node in a zone named after the node.
    static func isGeneratedCluster(_ inputs: [String]) -> Bool {
        guard inputs.count == 1 else { return false }
        return FileManager.default.fileExists(atPath: inputs[0] + "/" + GeneratedTreeMarker.fileName)
    }
}
