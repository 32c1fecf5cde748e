import SMF
import Output
import Tribblix

/// The render stage: typed artifacts become text, each once. Manifests and
/// profiles go through the one `BundleRenderer`; the package and overlays
/// through their Tribblix models, the package carrying the manifests' text
/// as rendered here.
public enum ClusterRenderer {
    public static func render(_ cluster: TranslatedCluster) -> RenderedCluster {
        var files = cluster.textFiles
        var manifestTexts: [String: String] = [:]
        for manifest in cluster.manifests {
            let text = BundleRenderer.render(manifest.bundle)
            manifestTexts[manifest.path] = text
            files.append(GeneratedFile(path: manifest.path, contents: text))
        }
        for profile in cluster.profiles {
            files.append(GeneratedFile(path: profile.path, contents: BundleRenderer.render(profile.bundle)))
        }
        let package = cluster.package.package(manifestTexts: manifestTexts)
        for file in package.buildTree().files {
            files.append(GeneratedFile(path: "packages/" + file.path, contents: file.contents, mode: file.mode))
        }
        for file in package.pkgmkTree().files {
            files.append(GeneratedFile(path: "packages/pkgmk/" + file.path, contents: file.contents, mode: file.mode))
        }
        // Each overlay's .ovl and .pkgs, and one catalog listing them all.
        for overlay in cluster.overlays {
            for file in overlay.files() where file.path != "catalog" {
                files.append(GeneratedFile(path: "overlays/" + file.path, contents: file.contents, mode: file.mode))
            }
        }
        let catalog = Overlay.catalog(for: cluster.overlays)
        files.append(GeneratedFile(path: "overlays/" + catalog.path, contents: catalog.contents, mode: catalog.mode))
        return RenderedCluster(files: files.sorted { $0.path < $1.path })
    }
}
