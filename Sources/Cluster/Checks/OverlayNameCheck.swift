import Diagnostics

/// `cluster.packaging.overlay-name`: an overlay id is the stem of its
/// `.ovl`/`.pkgs` files and a catalog field (tribblix.md §1.1): lower-case
/// letters, digits and `-`, starting with a letter or digit.
struct OverlayNameCheck: DefinitionCheck {
    let rule = "cluster.packaging.overlay-name"
    /// `<id>-<roles>.pkgs` is the longest file it names (zones with only
    /// some of the stack's roles get an overlay whose id appends them);
    /// 255 bytes a file name.
    static let maxBytes = 255 - ".pkgs".utf8.count - ClusterDefinition.longestRoleSuffix

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let id = loaded.definition.packaging.overlay
        let path = "packaging.overlay"
        if UnsafeCharacters.first(in: id) != nil { return [] }
        if id.isEmpty { return [error("the overlay id is empty; name it like 'pgha'", at: loaded.sourceMap.location(of: path))] }
        if id.utf8.count > Self.maxBytes {
            return [error("overlay id is \(id.utf8.count) bytes long; it names the files '<id>.pkgs' and "
                + "'<id>-postgres-sentinel-proxy.pkgs' (the overlay of zones with only some roles), and a file name "
                + "has at most 255 bytes, so the id at most \(Self.maxBytes)",
                at: loaded.sourceMap.location(of: path, characterOffset: Self.maxBytes))]
        }
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
