/// `restart_fmri_list`: services create_pkg restarts from postinstall and
/// postremove. Every Tribblix package that ships a manifest lists only
/// manifest-import, which imports `/var/svc/manifest` as well.
public struct RestartFMRIList: Hashable, Sendable {
    public static let manifestImport = "svc:/system/manifest-import:default"

    public var fmris: [String]

    public init(_ fmris: [String] = [Self.manifestImport]) {
        self.fmris = fmris
    }

    public func render() -> String {
        fmris.map { $0 + "\n" }.joined()
    }
}
