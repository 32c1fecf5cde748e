import Diagnostics

extension ParsedKeyValueFile {
    /// zap keeps overlay repositories as `<name>.ovl` and package ones as
    /// `<name>.repo` under /etc/zap/repositories.
    var isOverlayRepository: Bool { path.hasSuffix(".ovl") }
}

/// Keys `zap add-package-repo` / `add-overlay-repo` write: NAME, DESC, URL,
/// and SIGNED for package repositories only ("overlay repos cannot be signed").
struct RepositoryUnknownKeyRule: DescriptorRule {
    let id = "tribblix.repo.unknown-key"
    let summary = "a repository definition holds only NAME=, DESC=, URL= (and SIGNED= for package repos)"

    func check(_ definition: ParsedKeyValueFile) -> [Diagnostic] {
        let allowed = definition.isOverlayRepository ? ["NAME", "DESC", "URL"] : ["NAME", "DESC", "URL", "SIGNED"]
        return definition.entries.compactMap { entry in
            if let key = entry.key, allowed.contains(key) { return nil }
            if entry.key == "SIGNED" {
                return error("overlay repositories cannot be signed; remove SIGNED=", in: definition.path, line: entry.line.number)
            }
            let shown = entry.key.map { "'\($0)='" } ?? "'\(entry.line.text)'"
            return error("\(shown) is not a repository key; use only \(allowed.map { $0 + "=" }.joined(separator: ", "))",
                         in: definition.path, line: entry.line.number)
        }
    }
}

/// NAME and URL are what zap needs to fetch `<URL>/catalog`; DESC is what
/// it shows. add-*-repo always writes all three.
struct RepositoryRequiredKeyRule: DescriptorRule {
    let id = "tribblix.repo.required"
    let summary = "a repository definition needs NAME=, DESC= and URL="

    func check(_ definition: ParsedKeyValueFile) -> [Diagnostic] {
        ["NAME", "DESC", "URL"].compactMap { key in
            guard definition.entries(for: key).isEmpty else { return nil }
            return error("the repository definition has no \(key)= line; add one", in: definition.path, line: 1)
        }
    }
}

/// zap appends file names to URL (`${URL}catalog`), so it is an http(s)
/// URL ending in `/`.
struct RepositoryURLRule: DescriptorRule {
    let id = "tribblix.repo.url"
    let summary = "URL= must be http:// or https:// and end with /"

    func check(_ definition: ParsedKeyValueFile) -> [Diagnostic] {
        definition.entries(for: "URL").compactMap { entry in
            let url = entry.value
            if (url.hasPrefix("https://") || url.hasPrefix("http://")) && url.hasSuffix("/") { return nil }
            return error("URL '\(url)' must start with http:// or https:// and end with '/', as zap appends file names to it",
                         in: definition.path, line: entry.line.number, column: entry.valueColumn)
        }
    }
}
