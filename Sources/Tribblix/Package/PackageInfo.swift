/// pkginfo(5) as Tribblix writes it. The build tree keeps only the
/// package's own fragment (`PKG`, `NAME`, `VERSION`, `ZAP_URL`); `create_pkg`
/// appends `ARCH`, the shared `pkginfo.base` and `CLASSES` to make the file
/// pkgmk reads.
public struct PackageInfo: Hashable, Sendable {
    public var pkg: String
    public var name: String
    /// Upstream version plus Tribblix's rebuild counter: `3.7.1` → `3.7.1.0`.
    public var version: String
    /// Upstream home page (a Tribblix-defined parameter).
    public var zapURL: String?
    /// nil means "the build host's `uname -p`", which create_pkg fills in; a
    /// package of only XML and scripts sets `["i386", "sparc"]` (`pkginfo.arch`).
    public var architectures: [String]?
    public var classes: [String]

    public init(pkg: String, name: String, version: String, zapURL: String? = nil,
                architectures: [String]? = nil, classes: [String] = ["none"]) {
        self.pkg = pkg
        self.name = name
        self.version = version
        self.zapURL = zapURL
        self.architectures = architectures
        self.classes = classes
    }

    /// `VERSION` from an upstream version and a rebuild counter.
    public static func version(upstream: String, rebuild: Int = 0) -> String {
        "\(upstream).\(rebuild)"
    }

    /// The fixed part create_pkg appends to every package (`pkginfo.base`).
    public static let base: [(String, String)] = [
        ("CATEGORY", "application"),
        ("VENDOR", "Tribblix"),
        ("EMAIL", "tribblix@gmail.com"),
        ("PSTAMP", "tribblix"),
        ("BASEDIR", "/"),
    ]

    /// The build tree's `<PKG>/pkginfo`.
    public func renderFragment() -> String {
        var pairs = [("PKG", pkg), ("NAME", name), ("VERSION", version)]
        if let zapURL { pairs.append(("ZAP_URL", zapURL)) }
        return Self.render(pairs)
    }

    /// The build tree's `<PKG>/pkginfo.arch`, only for a fixed arch list.
    public func renderArchFragment() -> String? {
        architectures.map { Self.render([("ARCH", $0.joined(separator: ","))]) }
    }

    /// The complete pkginfo pkgmk consumes. `hostArchitecture` stands in for
    /// create_pkg's `uname -p` when `architectures` is nil.
    public func renderComplete(hostArchitecture: String = "i386") -> String {
        var pairs = [("PKG", pkg), ("NAME", name), ("VERSION", version)]
        if let zapURL { pairs.append(("ZAP_URL", zapURL)) }
        pairs.append(("ARCH", architectures?.joined(separator: ",") ?? hostArchitecture))
        pairs += Self.base
        pairs.append(("CLASSES", classes.joined(separator: " ")))
        return Self.render(pairs)
    }

    private static func render(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\"\($0.1)\"\n" }.joined()
    }
}
