import Diagnostics
import Foundation

/// The SMF XML `smfkit plan` reads: files named on the command line, and
/// for a directory every `*.xml` in its `manifests/` (the layout `generate`
/// writes) or, without one, in the directory itself.
public enum PlanInput {
    public struct Loaded: Sendable {
        public var bundles: [ServiceBundle]
        /// Files that are not SMF XML (not well-formed, wrong root, …).
        public var diagnostics: [Diagnostic]
        /// Paths that do not exist or cannot be read (a usage or I/O error).
        public var unreadable: [Diagnostic]
    }

    /// The XML files `paths` stand for, each directory's sorted by name.
    public static func files(for paths: [String]) -> (files: [String], unreadable: [Diagnostic]) {
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
            let manifests = (path as NSString).appendingPathComponent("manifests")
            var manifestsIsDirectory: ObjCBool = false
            let directory = manager.fileExists(atPath: manifests, isDirectory: &manifestsIsDirectory)
                && manifestsIsDirectory.boolValue ? manifests : path
            let names = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
            if names.isEmpty {
                unreadable.append(.error("no *.xml files here or in manifests/", rule: PlanRuleID.noInput,
                                         at: SourceLocation(file: path)))
            }
            files += names.map { (directory as NSString).appendingPathComponent($0) }
        }
        return (files, unreadable)
    }

    /// Reads every file; what is not a service bundle becomes a diagnostic.
    public static func load(_ paths: [String]) -> Loaded {
        let (files, unreadableInputs) = files(for: paths)
        var loaded = Loaded(bundles: [], diagnostics: [], unreadable: unreadableInputs)
        for file in files {
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
