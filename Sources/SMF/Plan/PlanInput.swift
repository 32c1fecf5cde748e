import Diagnostics
import Foundation

/// The SMF XML `smfkit plan` reads: files named on the command line, and
/// for a directory every `*.xml` in the subfolder the caller names (the CLI
/// names generate's `manifests/`) or, without one, in the directory itself.
public enum PlanInput {
    public struct Loaded: Sendable {
        public var bundles: [ServiceBundle]
        /// Files that are not SMF XML (not well-formed, wrong root, …).
        public var diagnostics: [Diagnostic]
        /// Paths that do not exist or cannot be read (a usage or I/O error).
        public var unreadable: [Diagnostic]
    }

    /// The XML files some paths stand for, and the paths that stand for none.
    public struct Files: Sendable {
        public var files: [String]
        public var unreadable: [Diagnostic]
    }

    /// The XML files `paths` stand for, each directory's sorted by name: in
    /// its `subfolder` when it has one, else in the directory itself.
    public static func files(for paths: [String], preferring subfolder: String? = nil) -> Files {
        var files: [String] = []
        var unreadable: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                unreadable.append(.error("no such file or directory", rule: PlanRuleID.noInput, at: SourceLocation(file: path)))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var directory = path
            if let subfolder {
                let candidate = (path as NSString).appendingPathComponent(subfolder)
                var candidateIsDirectory: ObjCBool = false
                if manager.fileExists(atPath: candidate, isDirectory: &candidateIsDirectory), candidateIsDirectory.boolValue {
                    directory = candidate
                }
            }
            let names = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
            if names.isEmpty {
                let places = subfolder.map { "here or in \($0)/" } ?? "here"
                unreadable.append(.error("no *.xml files \(places)", rule: PlanRuleID.noInput,
                                         at: SourceLocation(file: path)))
            }
            files += names.map { (directory as NSString).appendingPathComponent($0) }
        }
        return Files(files: files, unreadable: unreadable)
    }

    /// Reads every file; what is not a service bundle becomes a diagnostic.
    public static func load(_ paths: [String], preferring subfolder: String? = nil) -> Loaded {
        let found = files(for: paths, preferring: subfolder)
        var loaded = Loaded(bundles: [], diagnostics: [], unreadable: found.unreadable)
        for file in found.files {
            let document: SMFDocument
            do {
                document = try SMFDocument.load(path: file)
            } catch {
                loaded.unreadable.append(error.diagnostic)
                continue
            }
            let errors = document.problems.filter { $0.severity == .error }
            loaded.diagnostics += errors
            if let bundle = document.bundle, errors.isEmpty {
                loaded.bundles.append(bundle)
            } else if errors.isEmpty {
                loaded.diagnostics.append(.error("not an SMF service bundle", rule: DocumentRuleID.root,
                                                 at: SourceLocation(file: file)))
            }
        }
        return loaded
    }
}
