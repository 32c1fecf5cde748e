import Foundation

/// `smfkit validate DIR`: the files under a directory, in a fixed order,
/// each with the kind `FileKind` gives it. A file of no kind smfkit knows is
/// skipped with a note rather than reported as an error (a directory holds
/// READMEs and the like); symbolic links to directories are not followed,
/// so a walk always ends.
public enum DirectoryWalk {
    public struct Entry: Sendable, Equatable {
        public var path: String
        /// Why the walk passed over it; nil for a file to validate.
        public var skipped: String?
    }

    /// The inputs with each directory replaced by the files under it; a
    /// file named directly stays as it is (and is validated whatever it is).
    public static func expand(_ inputs: [String]) -> [Entry] {
        inputs.flatMap { input -> [Entry] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [Entry(path: input, skipped: nil)]
            }
            return walk(input)
        }
    }

    private static func walk(_ directory: String) -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? []
        var entries: [Entry] = []
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let type = attributes?[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?:
                entries += walk(path)
            case .typeSymbolicLink?:
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    entries.append(Entry(path: path, skipped: "a symbolic link to a directory; not followed"))
                } else {
                    entries.append(entry(for: path))
                }
            case .typeRegular?:
                entries.append(entry(for: path))
            default:
                entries.append(Entry(path: path, skipped: "not a regular file"))
            }
        }
        return entries
    }

    private static func entry(for path: String) -> Entry {
        let kind = FileKind.of(path: path)
        let name = path.split(separator: "/").last ?? ""
        if name.hasPrefix("."), !isCompanion(kind) {
            return Entry(path: path, skipped: "a hidden file (smfkit's lock, an editor's backup, …)")
        }
        if kind == .unknown {
            return Entry(path: path, skipped: "not a file smfkit validates (SMF XML, a script, a Tribblix descriptor)")
        }
        return Entry(path: path, skipped: nil)
    }

    private static func isCompanion(_ kind: FileKind) -> Bool {
        if case .companion = kind { return true }
        return false
    }
}
