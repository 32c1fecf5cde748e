extension DefinitionKey {
    /// Whether the key is a `.derived` one still holding the value it
    /// follows from others (`paths.postgres_data` = `<paths.data>/postgres`):
    /// a problem of that value is the other key's, reported there once.
    func holdsDerivedDefault(in definition: ClusterDefinition) -> Bool {
        guard case .derived(let keyPath, _, let value) = slot else { return false }
        return definition[keyPath: keyPath] == value(definition)
    }
}
