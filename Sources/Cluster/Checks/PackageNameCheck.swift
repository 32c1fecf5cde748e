import Diagnostics

/// `cluster.packaging.pkg-name`: an SVR4 package abbreviation as pkginfo(5)
/// defines `PKG` (tribblix.md §5): at most 32 characters, ASCII letters,
/// digits, `-` and `+`, starting with a letter; `install`, `new` and `all`
/// are reserved.
struct PackageNameCheck: DefinitionCheck {
    let rule = "cluster.packaging.pkg-name"
    static let maxLength = 32
    static let reserved: Set<String> = ["install", "new", "all"]

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let name = loaded.definition.packaging.package
        let path = "packaging.package"
        let map = loaded.sourceMap
        if UnsafeCharacters.first(in: name) != nil { return [] }
        if name.isEmpty { return [error("the package name is empty; Tribblix names look like TRIBblix-pgha", at: map.location(of: path))] }
        if Self.reserved.contains(name) {
            return [error("'\(name)' is reserved by pkginfo(5) and cannot name a package", at: map.location(of: path))]
        }
        for (offset, scalar) in name.unicodeScalars.enumerated() {
            let isLetter = scalar.isASCII && scalar.properties.isAlphabetic
            let isDigit = ("0"..."9").contains(scalar)
            if offset == 0, !isLetter {
                return [error("package name '\(name)' must start with a letter, not \(characterName(scalar))",
                              at: map.location(of: path, characterOffset: offset))]
            }
            if !(isLetter || isDigit || scalar == "-" || scalar == "+") {
                return [error("package name '\(name)' contains \(characterName(scalar)); SVR4 allows letters, digits, '-' and '+'",
                              at: map.location(of: path, characterOffset: offset))]
            }
        }
        if name.count > Self.maxLength {
            return [error("package name '\(name)' is \(name.count) characters; SVR4 allows at most \(Self.maxLength)",
                          at: map.location(of: path, characterOffset: Self.maxLength))]
        }
        return []
    }
}
