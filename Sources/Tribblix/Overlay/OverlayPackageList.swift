/// `<id>.pkgs`: the packages of an overlay, one full SVR4 name a line, in
/// install order (zap uninstalls them in reverse).
public struct OverlayPackageList: Hashable, Sendable {
    public var packages: [String]

    public init(_ packages: [String]) {
        self.packages = packages
    }

    /// The list with later duplicates dropped: `check-overlay-pkgs` reports
    /// duplicates, so a generator must never emit one.
    public var withoutDuplicates: OverlayPackageList {
        var seen = Set<String>()
        return OverlayPackageList(packages.filter { seen.insert($0).inserted })
    }

    public func render() -> String {
        packages.map { $0 + "\n" }.joined()
    }
}
