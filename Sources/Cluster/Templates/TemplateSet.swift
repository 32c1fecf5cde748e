import Diagnostics
import Foundation
import Yams

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

    /// The templates embedded in the binary at build time.
    public static func builtIn() throws(TemplateError) -> TemplateSet {
        var sources: [String: String] = [:]
        for (path, text) in EmbeddedFiles.files where path.hasPrefix("Templates/") {
            sources[String(path.dropFirst("Templates/".count))] = text
        }
        return try parse(sources, origin: "Templates")
    }

    /// A directory holding `services/` and `files/`. Reading files is the
    /// caller's choice of source; this is only called from the CLI's
    /// `--templates` option.
    public static func load(directory: String) throws(TemplateError) -> TemplateSet {
        var sources: [String: String] = [:]
        for folder in ["services", "files"] {
            let path = (directory as NSString).appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw TemplateError(file: path, message: "cannot read the templates folder; it must hold services/ and files/")
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = (path as NSString).appendingPathComponent(name)
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw TemplateError(file: file, message: "cannot read this template as UTF-8 text")
                }
                sources["\(folder)/\(name)"] = text
            }
        }
        return try parse(sources, origin: directory)
    }

    static func parse(_ sources: [String: String], origin: String) throws(TemplateError) -> TemplateSet {
        var services: [ServiceTemplate] = []
        var files: [String: String] = [:]
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("services/"), path.hasSuffix(".yaml") {
                do {
                    services.append(try YAMLDecoder().decode(ServiceTemplate.self, from: text))
                } catch {
                    throw TemplateError(file: "\(origin)/\(path)", message: "not a valid service template: \(error)")
                }
            } else if path.hasPrefix("files/") {
                files[String(path.dropFirst("files/".count))] = text
            }
        }
        return TemplateSet(services: services, files: files)
    }

    /// The templates of the daemons `stack` runs, in start order (the order
    /// of their dependencies: etcd first).
    public func services(for stack: String) -> [ServiceTemplate] {
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
                    let target = Self.serviceName(ofFMRI: dependency.fmri)
                    return !candidates.contains(target) || placed.contains(target) || target == template.service
                }
            } ?? 0  // a cycle: keep file order rather than loop forever
            ordered.append(remaining.remove(at: index))
        }
        return ordered
    }

    /// `svc:/network/etcd:{{node.name}}` → `network/etcd`.
    static func serviceName(ofFMRI fmri: String) -> String {
        var name = fmri
        if name.hasPrefix("svc:/") { name = String(name.dropFirst(5)) }
        if let colon = name.firstIndex(of: ":") { name = String(name[..<colon]) }
        return name
    }
}

/// A template that could not be read or used.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var diagnostic: Diagnostic {
        .error(message, rule: "template.invalid", at: SourceLocation(file: file))
    }

    public var description: String { diagnostic.description }
}
