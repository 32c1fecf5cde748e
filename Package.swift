// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: CLI -> (Cluster -> FileValidation, Convert -> Systemd) -> (SMF, Tribblix) -> Diagnostics.
// README.md ("Layout") says what each target owns.
let package = Package(
    name: "smfkit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "smfkit", targets: ["smfkit"]),
        // For the libFuzzer targets in Fuzz/ (a separate package), which
        // link the libraries they fuzz; nothing else uses these products.
        .library(name: "SMF", targets: ["SMF"]),
        .library(name: "Cluster", targets: ["Cluster"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // libyaml, which the definition loader composes documents with.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Turns data files (the DTD, Templates/) into Swift source at build time,
        // so the binary carries them and runs from any directory.
        .executableTarget(name: "EmbedFilesTool"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["EmbedFilesTool"]),

        .target(name: "Diagnostics"),
        // Boxes and arrows, and the one DOT and one Mermaid renderer.
        .target(name: "Diagram"),
        // The one system call the writer needs that Glibc does not show:
        // swapping two directories in one step.
        .target(name: "CSystem"),
        .target(
            name: "SMF",
            dependencies: ["CLibXML2", "Diagnostics", "Diagram"],
            exclude: ["DTD/service_bundle.dtd"],
            plugins: ["EmbedFiles"]
        ),
        // Files to write, and the writer: a whole generation switched into
        // the output directory in one step, with a marker of what it wrote.
        .target(
            name: "Output",
            dependencies: ["CSystem", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Data/ holds the list of packages Tribblix ships (Scripts/refresh-tribblix-packages).
        .target(name: "Tribblix", dependencies: ["Diagnostics", "Output"], exclude: ["Data"], plugins: ["EmbedFiles"]),
        // systemd unit files, read as systemd reads them.
        .target(name: "Systemd", dependencies: ["Diagnostics"]),
        // systemd units mapped to SMF bundles (smfkit convert).
        .target(name: "Convert", dependencies: ["Systemd", "SMF", "Diagnostics", "Output"]),
        // Any file smfkit can check: SMF bundles or Tribblix descriptors.
        .target(name: "FileValidation", dependencies: ["SMF", "Tribblix", "Diagnostics"]),
        // smfkit run: svc.startd's rules on Linux.
        .target(name: "Restarter", dependencies: ["SMF", "Diagnostics"]),
        .target(
            name: "Cluster",
            dependencies: [
                "SMF", "Tribblix", "FileValidation", "Diagnostics", "Diagram", "Output", "CLibYAML",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedFiles"]
        ),
        .executableTarget(
            name: "smfkit",
            dependencies: [
                "SMF", "Tribblix", "FileValidation", "Cluster", "Convert", "Systemd", "Diagnostics", "Diagram",
                "Restarter", "Output",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // What every test target shares: the checkout's root, the external
        // corpus (found in one place, skipped with a reason where absent),
        // and running the built smfkit.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SMFTests", dependencies: ["SMF", "TestSupport"]),
        .testTarget(name: "DiagramTests", dependencies: ["Diagram"]),
        .testTarget(name: "RestarterTests", dependencies: ["Restarter", "SMF", "TestSupport", "smfkit"]),
        .testTarget(name: "TribblixTests", dependencies: ["Tribblix", "Output", "TestSupport"]),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd"]),
        .testTarget(name: "ConvertTests", dependencies: ["Convert", "Systemd", "SMF", "Output", "TestSupport"]),
        .testTarget(name: "FileValidationTests", dependencies: ["FileValidation", "SMF", "Tribblix", "TestSupport"]),
        .testTarget(
            name: "ClusterTests", dependencies: ["Cluster", "SMF", "Tribblix", "Output", "TestSupport"],
            exclude: ["Golden", "IllumosShims"]),
        .testTarget(
            name: "SmfkitTests",
            dependencies: [
                "smfkit", "SMF", "Cluster", "FileValidation", "Systemd", "Output", "TestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
