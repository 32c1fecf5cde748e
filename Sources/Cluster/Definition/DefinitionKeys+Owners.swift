extension DefinitionKeys {
    /// The sections that hold a key named `name` (`version` → `postgres`,
    /// `packaging`… as written in the table), for a key written one level too
    /// far left.
    static func sections(owning name: String) -> [String] {
        var owners: [String] = []
        for key in all where !key.section.isEmpty && key.name == name && !owners.contains(key.section) {
            owners.append(key.section)
        }
        return owners
    }
}
