import SMF
import Tribblix
import Output

/// The translate stage's output: everything a cluster needs, as typed
/// models and nothing rendered. Manifests and profiles are `SMF` bundles;
/// the package and overlays are `Tribblix` models, the package referring to
/// the manifests it carries by their output path, so each manifest is
/// rendered once and the package carries exactly those bytes.
public struct TranslatedCluster: Sendable {
    /// One manifest per service kind, in start order.
    public var manifests: [ManifestArtifact]
    /// One profile per node.
    public var profiles: [ProfileArtifact]
    /// Text already: companion files (haproxy.cfg, method scripts) and deploy.sh.
    public var textFiles: [GeneratedFile]
    public var package: PackageArtifact
    /// One overlay per set of node roles, in node order (RoleOverlay.swift).
    public var overlays: [Overlay]
}

/// A service's manifest and where generate writes it (`manifests/etcd.xml`).
public struct ManifestArtifact: Sendable {
    public var path: String
    public var bundle: ServiceBundle
}

/// A node's profile and where generate writes it (`profiles/node1.xml`).
public struct ProfileArtifact: Sendable {
    public var path: String
    public var bundle: ServiceBundle
}

/// The cluster's package before rendering: every part typed, the manifests
/// named by the path of their `ManifestArtifact`.
public struct PackageArtifact: Sendable {
    public var info: PackageInfo
    public var depend: DependFile
    public var manifests: [PackagedManifest]
    /// Companion files as installed on a node.
    public var companions: [PayloadFile]
    public var accounts: ServiceAccounts
    public var directories: [PayloadDirectory]

    /// The Tribblix package, with each manifest's rendered text (by its
    /// output path) in place.
    func package(manifestTexts: [String: String]) -> TribblixPackage {
        let payload = manifests.map { manifest in
            PayloadFile.manifest(fileName: manifest.fileName, category: manifest.category,
                                 contents: manifestTexts[manifest.manifestPath] ?? "")
        }
        return TribblixPackage.smfServices(info: info, depend: depend, manifests: payload + companions,
                                           accounts: accounts, directories: directories)
    }
}

/// A manifest the package installs under `var/svc/manifest/<category>/<fileName>`.
public struct PackagedManifest: Sendable {
    /// The `ManifestArtifact.path` whose rendering the package carries.
    public var manifestPath: String
    public var fileName: String
    public var category: String
}
