import Diagnostics

/// `cluster.value.unsafe-character`: no value contains a character that
/// cannot be written safely into XML, a shell command, a method token or a
/// config file (see `UnsafeCharacters`). Names the character and points at it.
struct UnsafeCharacterCheck: DefinitionCheck {
    let rule = "cluster.value.unsafe-character"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        loaded.definition.stringValues.compactMap { path, value in
            // Defaults are safe; a derived value (a group named after its
            // user) is reported where it was written.
            guard loaded.sourceMap.values[path] != nil, let found = UnsafeCharacters.first(in: value) else { return nil }
            let map = loaded.sourceMap
            let located = map.verbatimStarts[path] != nil
            var message = "'\(path)' contains \(characterName(found.scalar))"
            if !located { message += " (character \(found.offset + 1) of the value)" }
            message += ": \(found.reason); use letters, digits and . - _ / : @ + ="
            return error(message, at: map.location(of: path, characterOffset: found.offset))
        }
    }
}
