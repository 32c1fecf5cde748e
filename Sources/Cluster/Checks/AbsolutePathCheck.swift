import Diagnostics

/// `cluster.path.absolute`: every path in `paths:` and `secrets:` is absolute.
/// SMF methods run with the service's working directory, the deploy script
/// with the admin's: a relative path would mean different files to each.
struct AbsolutePathCheck: DefinitionCheck {
    let rule = "cluster.path.absolute"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        loaded.definition.filePaths.compactMap { path, value in
            guard !value.hasPrefix("/") else { return nil }
            return error("'\(path)' is '\(value)', a relative path; write it from the root, starting with '/'",
                         at: loaded.sourceMap.location(of: path))
        }
    }
}
