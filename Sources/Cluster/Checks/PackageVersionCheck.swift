import Diagnostics

/// `cluster.packaging.version`: Tribblix's package version form
/// (tribblix.md §3.1): dot-separated numbers, the upstream version followed
/// by a rebuild counter — `3.7.1.0`, `17.11.0`, `1.0.0` — so at least two.
struct PackageVersionCheck: DefinitionCheck {
    let rule = "cluster.packaging.version"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let version = loaded.definition.packaging.version
        let path = "packaging.version"
        if UnsafeCharacters.first(in: version) != nil { return [] }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        let numeric = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
        guard !numeric || parts.count < 2 || version.count > 256 else { return [] }
        var message = "package version '\(version)' is not in Tribblix's form: "
        message += numeric && version.count > 256 ? "it is longer than 256 characters"
            : "dot-separated numbers, the version then a rebuild counter, like 1.0.0"
        return [error(message, at: loaded.sourceMap.location(of: path))]
    }
}
