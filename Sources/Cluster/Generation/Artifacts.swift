import SMF

/// Everything a cluster needs, as typed models: the translate stage's output.
public struct Artifacts: Sendable {
    /// One manifest per service kind, keyed by the output file name.
    public var manifests: [(file: String, bundle: ServiceBundle)]
    /// One profile per node.
    public var profiles: [(file: String, bundle: ServiceBundle)]
    /// Companion files, the deploy script, packaging: already text.
    public var files: [GeneratedFile]

    public init(
        manifests: [(file: String, bundle: ServiceBundle)] = [], profiles: [(file: String, bundle: ServiceBundle)] = [],
        files: [GeneratedFile] = []
    ) {
        self.manifests = manifests
        self.profiles = profiles
        self.files = files
    }

    /// The render stage: every artifact as bytes, sorted by path.
    public func rendered() -> [GeneratedFile] {
        var all = files
        for (file, bundle) in manifests + profiles {
            all.append(GeneratedFile(path: file, contents: BundleRenderer.render(bundle)))
        }
        return all.sorted { $0.path < $1.path }
    }
}
