import Foundation

/// What `--out` names, said plainly when it cannot be used.
enum OutputLocation {
    /// The directory to write into: `path` itself, or the directory a
    /// symbolic link there points to (followed to the end).
    static func resolve(_ path: String) throws(WriteError) -> String {
        guard let (kind, _) = OutputTree.kind(at: path) else { return path }
        switch kind {
        case .directory:
            // `.` or `..` cannot be renamed: name the directory itself.
            let last = OutputTree.split(path).name
            guard last == "." || last == "..", let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        case .symbolicLink:
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            guard let resolved = realpath(path, nil) else {
                throw WriteError(path: path, message: "is a symbolic link to \(destination), which does not exist; "
                    + "create that directory or choose another --out")
            }
            defer { free(resolved) }
            let target = String(cString: resolved)
            guard OutputTree.kind(at: target)?.kind == .directory else {
                throw WriteError(path: path, message: "is a symbolic link to \(destination), which is not a directory; "
                    + "choose another --out")
            }
            return target
        case .file:
            throw WriteError(path: path, message: "is a file, not a directory; choose another --out")
        case .other:
            throw WriteError(path: path, message: "is a special file (not a directory); choose another --out")
        }
    }

    /// Creates the directory (and its parents) when missing.
    static func create(_ path: String) throws(WriteError) {
        guard OutputTree.kind(at: path) == nil else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, message: "cannot create the output directory: \(error.localizedDescription)")
        }
    }
}
