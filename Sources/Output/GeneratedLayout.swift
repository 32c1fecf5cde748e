import Foundation

/// Where `smfkit generate` and `smfkit convert` put things in their output
/// directory, and where the commands that read one (plan, graph, describe,
/// run) look for them: one name for both sides.
public enum GeneratedLayout {
    /// The manifests: a directory given to plan, graph, describe or run is read
    /// from here when it has this folder.
    public static let manifests = "manifests"

    /// Whether the inputs are one directory smfkit generate wrote: its
    /// deploy.sh runs every node in a zone named after the node.
    public static func isGeneratedCluster(_ inputs: [String]) -> Bool {
        guard inputs.count == 1 else { return false }
        return FileManager.default.fileExists(atPath: inputs[0] + "/" + GeneratedTreeMarker.fileName)
    }
}
