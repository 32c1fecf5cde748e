/// A zap overlay descriptor, `<id>.ovl`: the four keys Tribblix knows
/// (overlays README; `tribblix/build overlay-depends` rejects any other).
public struct OverlayDescriptor: Hashable, Sendable {
    /// The file stem, also the name other overlays `REQUIRES=`.
    public var id: String
    /// Bumped whenever anything in the overlay changes; zap compares it with
    /// the catalog to decide whether to download the overlay again.
    public var version: Int
    /// The pretty name `zap list-overlays -v` shows.
    public var name: String
    /// Overlays installed first, in this order (`base` for a server stack).
    public var requires: [String]
    /// FMRIs `zap enable-services` enables in this order (and disables in reverse).
    public var services: [String]

    public init(id: String, version: Int, name: String, requires: [String] = [], services: [String] = []) {
        self.id = id
        self.version = version
        self.name = name
        self.requires = requires
        self.services = services
    }

    public var fileName: String { id + ".ovl" }

    /// `VERSION`, `NAME`, then each `REQUIRES` and `SERVICE` in order, as in
    /// Tribblix's own files.
    public func render() -> String {
        var lines = ["VERSION=\(version)", "NAME=\(name)"]
        lines += requires.map { "REQUIRES=\($0)" }
        lines += services.map { "SERVICE=\($0)" }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The overlay's line in the overlay repository's `catalog`.
    public var catalogLine: OverlayCatalogLine { OverlayCatalogLine(id: id, version: version) }
}
