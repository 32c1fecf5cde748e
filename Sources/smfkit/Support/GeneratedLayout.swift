/// Where `smfkit generate` puts things in its output directory, as the
/// commands that read that directory (plan, graph, describe, run) look for them.
enum GeneratedLayout {
    /// The manifests: a directory given to plan, graph, describe or run is read
    /// from here when it has this folder.
    static let manifests = "manifests"
}
