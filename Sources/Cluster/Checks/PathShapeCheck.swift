import Diagnostics

/// `cluster.path.shape`: every path in `paths:` and `secrets:` names one
/// place plainly — no `.` or `..` component, no empty component (`//`), no
/// trailing `/`, not the root itself — and fits the file system's limits.
///
/// The paths become paths inside the generated package tree
/// (`packages/pkgmk/opt/pgha/…`); one with `..` would point outside it, which
/// the writer refuses, so `check` refuses it first (issue 11: `check`
/// accepts nothing the writer then refuses). On the node a `..` would also
/// make the path mean something other than it says.
struct PathShapeCheck: DefinitionCheck {
    let rule = "cluster.path.shape"
    /// illumos `MAXPATHLEN` is 1024 with the terminating NUL.
    static let maxPathBytes = 1023
    /// `MAXNAMELEN` (illumos) and `NAME_MAX` (Linux): 255 bytes a component.
    static let maxComponentBytes = 255

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        loaded.definition.filePaths.compactMap { path, value in
            // A relative path is `cluster.path.absolute`'s to report.
            guard value.hasPrefix("/"), let problem = problem(in: value) else { return nil }
            return error("'\(path)' is '\(value)': \(problem.message)",
                         at: loaded.sourceMap.location(of: path, characterOffset: problem.offset))
        }
    }

    private func problem(in value: String) -> (message: String, offset: Int)? {
        if value == "/" {
            return ("the root directory itself; name a file or directory of its own", 0)
        }
        if value.utf8.count > Self.maxPathBytes {
            return ("\(value.utf8.count) bytes long; a path has at most \(Self.maxPathBytes)", 0)
        }
        var offset = 1
        let components = value.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, component) in components.enumerated() {
            let isLast = index == components.count - 1
            switch component {
            case "..":
                return ("a '..' component; write the path without it, as it resolves", offset)
            case ".":
                return ("a '.' component; write the path without it", offset)
            case "" where isLast:
                return ("it ends in '/'; leave the trailing '/' out", offset - 1)
            case "":
                return ("an empty component ('//'); write one '/'", offset - 1)
            default:
                if component.utf8.count > Self.maxComponentBytes {
                    return ("the component '\(component.prefix(40))…' is \(component.utf8.count) bytes long; "
                        + "a file name has at most \(Self.maxComponentBytes)", offset)
                }
            }
            offset += component.unicodeScalars.count + 1
        }
        return nil
    }
}
