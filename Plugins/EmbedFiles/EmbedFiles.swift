import Foundation
import PackagePlugin

/// Embeds a target's data files (the SMF DTD, the service Templates/) into its
/// module as Swift source, so the smfkit binary carries them and runs from any
/// directory — SwiftPM resource bundles are looked up next to the executable,
/// which breaks as soon as the binary is copied elsewhere.
@main
struct EmbedFiles: BuildToolPlugin {
    /// Package-relative folders embedded into each target. A target not listed
    /// here embeds nothing.
    static let folders: [String: [String]] = [
        "SMF": ["Sources/SMF/DTD"],
        "Cluster": ["Templates"],
        "Tribblix": ["Sources/Tribblix/Data"],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let folders = Self.folders[target.name] else { return [] }
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in folders {
            inputs += try files(under: root.appending(path: folder))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) data files into \(target.name)",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [root.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func files(under folder: URL) throws -> [URL] {
        let manager = FileManager.default
        guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var found: [URL] = []
        for case let url as URL in walker {
            let isFile = try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile ?? false
            if isFile, !url.lastPathComponent.hasPrefix(".") { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }
}
