import Diagnostics

/// `cluster.packaging.overlay-name`: an overlay id is the stem of its
/// `.ovl`/`.pkgs` files and a catalog field (tribblix.md §1.1): lower-case
/// letters, digits and `-`, starting with a letter or digit.
struct OverlayNameCheck: DefinitionCheck {
    let rule = "cluster.packaging.overlay-name"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let id = loaded.definition.packaging.overlay
        let path = "packaging.overlay"
        if UnsafeCharacters.first(in: id) != nil { return [] }
        if id.isEmpty { return [error("the overlay id is empty; name it like 'pgha'", at: loaded.sourceMap.location(of: path))] }
        for (offset, scalar) in id.unicodeScalars.enumerated() {
            let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || (offset > 0 && scalar == "-")
            if !allowed {
                return [error(
                    "overlay id '\(id)' contains \(characterName(scalar)) there; overlay ids are lower-case letters, "
                        + "digits and '-', not starting with '-'",
                    at: loaded.sourceMap.location(of: path, characterOffset: offset))]
            }
        }
        return []
    }
}
