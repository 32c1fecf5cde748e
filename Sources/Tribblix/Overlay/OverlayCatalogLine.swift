/// One line of an overlay repository's `catalog`, `name|version||`, as
/// `tribblix/build create-overlay-catalog` writes it from each `.ovl`.
public struct OverlayCatalogLine: Hashable, Sendable {
    public var id: String
    public var version: Int

    public init(id: String, version: Int) {
        self.id = id
        self.version = version
    }

    public func render() -> String { "\(id)|\(version)||\n" }

    /// A whole catalog in the order Tribblix's shell glob gives it: sorted by
    /// file name `<id>.ovl` byte by byte (so `base-cloud` precedes `base`).
    public static func renderCatalog(_ lines: [OverlayCatalogLine]) -> String {
        lines.sorted { Array(($0.id + ".ovl").utf8).lexicographicallyPrecedes(Array(($1.id + ".ovl").utf8)) }
            .map { $0.render() }
            .joined()
    }
}
