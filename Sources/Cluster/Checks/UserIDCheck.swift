import Diagnostics

/// `cluster.user.id`: uids and gids are 1–2147483646 — 0 is root, which no
/// service of the cluster should run as, and illumos reserves 2147483647
/// (UID_MAX is 2147483647; larger ids are ephemeral).
struct UserIDCheck: DefinitionCheck {
    let rule = "cluster.user.id"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (key, user) in loaded.definition.serviceUsers {
            for (field, id) in [("uid", user.uid), ("gid", user.gid)] where !(1...2_147_483_646).contains(id) {
                let path = "users.\(key).\(field)"
                // Only what the file wrote: a defaulted gid is the uid, reported as such.
                if loaded.sourceMap.values[path] == nil { continue }
                let why = id == 0 ? "0 is root, which a service must not run as" : "it must be from 1 to 2147483646"
                found.append(error("'\(path)' is \(id); \(why)", at: loaded.sourceMap.location(of: path)))
            }
        }
        return found
    }
}
