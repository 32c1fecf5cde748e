import Diagnostics
import Foundation

/// `cluster.packaging.overlay-taken`: the overlay id is not one Tribblix
/// already ships — `zap install-overlay` would find two overlays of one name.
/// The shipped ids are data: Templates/tribblix-overlays.txt, taken from
/// the tribblix/overlays catalog.
struct OverlayTakenCheck: DefinitionCheck {
    let rule = "cluster.packaging.overlay-taken"

    static let shippedOverlays: Set<String> = {
        let text = EmbeddedFiles.files["Templates/tribblix-overlays.txt"] ?? ""
        return Set(text.split(whereSeparator: \.isNewline).compactMap { line in
            let id = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = id.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        })
    }()

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let id = loaded.definition.packaging.overlay
        guard Self.shippedOverlays.contains(id) else { return [] }
        return [error("Tribblix already ships an overlay called '\(id)'; choose another id, such as '\(id)-ha'",
                      at: loaded.sourceMap.location(of: "packaging.overlay"))]
    }
}
