import Diagnostics

/// `cluster.postgres.version`: a PostgreSQL major version since the two-part
/// numbering began (10), written as one number.
struct PostgresVersionCheck: DefinitionCheck {
    let rule = "cluster.postgres.version"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let version = loaded.definition.postgres.version
        guard !(10...99).contains(version) else { return [] }
        return [error("'postgres.version' is \(version); give the major version, 10 or later (e.g. 17)",
                      at: loaded.sourceMap.location(of: "postgres.version"))]
    }
}
