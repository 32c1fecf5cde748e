// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, kept out of the main package so that a plain
// `swift build` / `swift test` there never needs the fuzzer runtime.
// Build and run one with ../Scripts/fuzz TARGET SECONDS.
let package = Package(
    name: "smfkit-fuzz",
    dependencies: [
        .package(name: "smfkit", path: ".."),
    ],
    targets: [
        // The XML reader + DTD + semantic validation of `smfkit validate`.
        .executableTarget(name: "FuzzXML", dependencies: [.product(name: "SMF", package: "smfkit")]),
        // The definition loader + every check of `smfkit check`.
        .executableTarget(name: "FuzzDefinition", dependencies: [.product(name: "Cluster", package: "smfkit")]),
    ],
    swiftLanguageModes: [.v6]
)
