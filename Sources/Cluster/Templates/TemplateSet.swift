import Diagnostics
import Foundation


/// The service templates and text templates generation uses: the ones built
/// into smfkit, or a user's own directory laid out the same way
/// (`services/*.yaml`, `files/*.mustache`).
public struct TemplateSet: Sendable {
    public var services: [ServiceTemplate]
    /// File name (e.g. `haproxy.cfg.mustache`) → template text.
    public var files: [String: String]

    public init(services: [ServiceTemplate], files: [String: String]) {
        self.services = services
        self.files = files
    }

    /// The built-in templates, read once. They are checked by the tests
    /// (every golden file comes from them); were they broken, this would be
    /// empty and every generation would fail its "no template" check.
    public static let standard: TemplateSet = (try? builtIn()) ?? TemplateSet(services: [], files: [:])

    /// The templates embedded in the binary at build time.
    public static func builtIn() throws(TemplateError) -> TemplateSet {
        try parse(builtInSources, origin: "Templates")
    }

    /// The embedded templates' texts by their path under Templates/.
    static var builtInSources: [String: String] {
        var sources: [String: String] = [:]
        for (path, text) in EmbeddedFiles.files where path.hasPrefix("Templates/") {
            sources[String(path.dropFirst("Templates/".count))] = text
        }
        return sources
    }

    /// A directory holding `services/` and `files/`. Reading files is the
    /// caller's choice of source; this is only called from the CLI's
    /// `--templates` option.
    public static func load(directory: String) throws(TemplateError) -> TemplateSet {
        var sources: [String: String] = [:]
        for folder in ["services", "files"] {
            let path = (directory as NSString).appendingPathComponent(folder)
            // files/ may hold folders (files/build/<PKG>/ for build directories).
            guard let names = try? FileManager.default.subpathsOfDirectory(atPath: path) else {
                throw TemplateError(file: path, message: "cannot read the templates folder; it must hold services/ and files/")
            }
            for name in names.sorted() where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let file = (path as NSString).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue { continue }
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw TemplateError(file: file, message: "cannot read this template as UTF-8 text")
                }
                sources["\(folder)/\(name)"] = text
            }
        }
        return try parse(sources, origin: directory)
    }

    /// Reads and checks every template of a directory's files (path under
    /// the directory → text): all problems at once, each at its
    /// file:line:col with a rule id; a set with any error is refused.
    static func parse(_ sources: [String: String], origin: String) throws(TemplateError) -> TemplateSet {
        var services: [ServiceTemplate] = []
        var files: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        let names = TemplateNameCheck()
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) {
            let file = "\(origin)/\(path)"
            if path.hasPrefix("services/"), path.hasSuffix(".yaml") {
                var decoder = ServiceTemplateDecoder(file: file, names: names)
                let template = decoder.decode(text)
                diagnostics += decoder.diagnostics
                if let template { services.append(template) }
            } else if path.hasPrefix("files/") {
                files[String(path.dropFirst("files/".count))] = text
                diagnostics += names.diagnostics(in: text, file: file)
            }
        }
        diagnostics += problems(of: services, files: files, origin: origin)
        if diagnostics.hasErrors { throw TemplateError(diagnostics: diagnostics.sortedForOutput()) }
        return TemplateSet(services: services, files: files)
    }

    /// What is wrong between templates: two of one kind or one service, a
    /// companion file whose text template is missing.
    private static func problems(of services: [ServiceTemplate], files: [String: String], origin: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var kinds: [String: String] = [:]
        var serviceNames: [String: String] = [:]
        for template in services {
            let at = SourceLocation(file: template.origin, line: 1, column: 1)
            if let other = kinds.updateValue(template.origin, forKey: template.kind) {
                found.append(.error("kind '\(template.kind)' is also the kind of \(other); give each its own",
                                    rule: TemplateRule.set, at: at))
            }
            if let other = serviceNames.updateValue(template.origin, forKey: template.service) {
                found.append(.error("service '\(template.service)' is also the service of \(other); give each its own",
                                    rule: TemplateRule.set, at: at))
            }
            for file in template.files where files[file.template] == nil {
                found.append(.error("names the text template '\(file.template)', which is not in \(origin)/files/",
                                    rule: TemplateRule.missingFile, at: at))
            }
        }
        let known = services.map(\.kind)
        for template in services {
            for client in template.connections.clients where !known.contains(client.to) {
                var message = "connects to '\(client.to)', which is the kind of no template"
                if let guess = KeySuggestion.closest(to: client.to, among: known) { message += "; did you mean '\(guess)'?" }
                found.append(.error(message, rule: TemplateRule.set, at: client.location))
            }
        }
        for script in DeployingHostScript.all where files[script.template] == nil {
            found.append(.error("\(script.template) is missing", rule: TemplateRule.missingFile,
                                at: SourceLocation(file: "\(origin)/files")))
        }
        return found
    }

    /// The templates of the daemons `stack` runs, in start order (the order
    /// of their dependencies: etcd first).
    public func services(for stack: Stack) -> [ServiceTemplate] {
        let chosen = services.filter { $0.stacks.contains(stack) }
        return Self.startOrder(chosen)
    }

    /// Orders templates so each comes after those its per-node dependencies
    /// name; ties keep file-name order, so the result is deterministic.
    static func startOrder(_ templates: [ServiceTemplate]) -> [ServiceTemplate] {
        var remaining = templates
        var ordered: [ServiceTemplate] = []
        while !remaining.isEmpty {
            let placed = Set(ordered.map(\.service))
            let candidates = Set(remaining.map(\.service))
            let index = remaining.firstIndex { template in
                template.dependencies.allSatisfy { dependency in
                    let target = dependency.targetService
                    return !candidates.contains(target) || placed.contains(target) || target == template.service
                }
            } ?? 0  // a cycle: keep file order rather than loop forever
            ordered.append(remaining.remove(at: index))
        }
        return ordered
    }
}

/// The templates could not be read or used: every problem found, each at
/// its file:line:col. The template stage's one error type.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(file: String, message: String) {
        diagnostics = [.error(message, rule: TemplateRule.set, at: SourceLocation(file: file))]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
