import Output
/// A complete overlay as it is copied into an overlay repository (or into
/// `/var/sadm/overlays/`): descriptor, package list and catalog line.
public struct Overlay: Hashable, Sendable {
    public var descriptor: OverlayDescriptor
    public var packages: OverlayPackageList

    public init(descriptor: OverlayDescriptor, packages: OverlayPackageList) {
        self.descriptor = descriptor
        self.packages = packages
    }

    /// `<id>.ovl`, `<id>.pkgs` and a `catalog` holding this overlay's line,
    /// relative to the overlay repository's root.
    public func files() -> [GeneratedFile] {
        [
            GeneratedFile(path: descriptor.id + ".ovl", contents: descriptor.render()),
            GeneratedFile(path: descriptor.id + ".pkgs", contents: packages.render()),
            GeneratedFile(path: "catalog", contents: descriptor.catalogLine.render()),
        ]
    }

    /// One `catalog` for several overlays generated together.
    public static func catalog(for overlays: [Overlay]) -> GeneratedFile {
        GeneratedFile(path: "catalog", contents: OverlayCatalogLine.renderCatalog(overlays.map(\.descriptor.catalogLine)))
    }
}
