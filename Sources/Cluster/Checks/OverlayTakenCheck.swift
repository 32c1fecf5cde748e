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

    /// Every overlay the definition generates: `packaging.overlay` and,
    /// for zones with only some roles, that id with the roles appended.
    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let id = loaded.definition.packaging.overlay
        let ids = [id] + loaded.definition.overlayIDs.filter { $0 != id }
        guard let taken = ids.first(where: Self.shippedOverlays.contains) else { return [] }
        let whose = taken == id ? "" : " (the overlay of the zones with roles \(taken.dropFirst(id.count + 1)))"
        return [error("Tribblix already ships an overlay called '\(taken)'\(whose); choose another id, such as '\(id)-ha'",
                      at: loaded.sourceMap.location(of: "packaging.overlay"))]
    }
}
