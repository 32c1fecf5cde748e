import Diagnostics

/// `cluster.user.name`: service user and group names are portable POSIX
/// login names as illumos `useradd` and Linux accept them: a lower-case
/// letter or `_`, then lower-case letters, digits, `_` and `-`, at most 32
/// characters (illumos LOGNAME_MAX).
struct UserNameCheck: DefinitionCheck {
    let rule = "cluster.user.name"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (key, user) in loaded.definition.serviceUsers {
            for (field, name) in [("name", user.name), ("group", user.group)] {
                let path = "users.\(key).\(field)"
                // Only what the file wrote: a defaulted group is the user name, reported as such.
                if loaded.sourceMap.values[path] == nil || UnsafeCharacters.first(in: name) != nil { continue }
                if let problem = problem(in: name) {
                    found.append(error("'\(path)' \(problem.message)",
                                       at: loaded.sourceMap.location(of: path, characterOffset: problem.offset)))
                }
            }
        }
        return found
    }

    private func problem(in name: String) -> (message: String, offset: Int)? {
        if name.isEmpty { return ("is empty", 0) }
        if name.unicodeScalars.count > 32 { return ("is \(name.unicodeScalars.count) characters; at most 32", 0) }
        for (offset, scalar) in name.unicodeScalars.enumerated() {
            let lower = ("a"..."z").contains(scalar) || scalar == "_"
            let allowed = lower || ("0"..."9").contains(scalar) || scalar == "-"
            if offset == 0, !lower {
                return ("is '\(name)', which must start with a lower-case letter or '_', not \(characterName(scalar))", 0)
            }
            if !allowed {
                return ("is '\(name)', which contains \(characterName(scalar)); use lower-case letters, digits, '_' and '-'", offset)
            }
        }
        return nil
    }
}
