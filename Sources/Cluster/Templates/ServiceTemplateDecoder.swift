import Diagnostics
import SMF

/// Reads one `services/<kind>.yaml` into a `ServiceTemplate`, applying every
/// default once and collecting every problem with its line and column,
/// as `DefinitionDecoder` does for a definition.
struct ServiceTemplateDecoder {
    let file: String
    let names: TemplateNameCheck
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, names: TemplateNameCheck = TemplateNameCheck()) {
        self.file = file
        self.names = names
    }

    enum Keys {
        static let top = ["kind", "stacks", "service", "role", "common_name", "description", "packages", "overlays", "user",
                          "duration", "deploy_phase", "working_directory", "dependencies", "methods", "files", "properties",
                          "listeners", "directories", "connections"]
        static let dependency = ["name", "fmri", "per_node", "grouping", "restart_on"]
        static let method = ["name", "exec", "timeout"]
        static let file = ["template", "output", "install", "mode"]
        static let property = ["name", "type", "value", "per_node", "common_name", "description", "constraints"]
        static let listener = ["purpose", "port", "address"]
        static let directory = ["path", "mode"]
        static let connections = ["peers", "clients", "applications"]
        static let client = ["to", "on", "label"]
    }

    mutating func decode(_ source: String) -> ServiceTemplate? {
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(source)
        } catch {
            report(TemplateRule.syntax, error.message, line: error.line, column: error.column)
            return nil
        }
        guard let root, let top = mapping(root, keys: Keys.top, what: "the template") else {
            if root == nil { report(TemplateRule.missingKey, "the template is empty", line: 1, column: 1) }
            return nil
        }
        let kind = required(top, "kind", root).flatMap { plain($0) }
        let service = required(top, "service", root).flatMap { plain($0) }
        let stacks = required(top, "stacks", root).map { list($0).compactMap { choice($0, of: Stack.self, "stack") } }
        let user = required(top, "user", root).flatMap { choice($0, of: ServiceRole.self, "user") }
        let role = top["role"].map { choice($0, of: NodeRole.self, "role") }
        let duration = top["duration"].map { choice($0, of: StartDuration.self, "duration") } ?? .contract
        let phase = top["deploy_phase"].map { choice($0, of: DeployPhase.self, "deploy_phase") } ?? .database
        let commonName = required(top, "common_name", root).flatMap { text($0) }
        let description = required(top, "description", root).flatMap { text($0) }
        let methods = required(top, "methods", root).map { list($0).compactMap { method($0) } }
        let template = ServiceTemplate(
            kind: kind ?? "", stacks: stacks ?? [], service: service ?? "", role: role ?? nil, commonName: commonName ?? "",
            description: description ?? "", user: user ?? .postgres,
            packages: top["packages"].map { list($0).compactMap { text($0) } } ?? [],
            overlays: top["overlays"].map { list($0).compactMap { text($0) } } ?? [],
            duration: duration ?? .contract,
            deployPhase: phase ?? .database,
            workingDirectory: top["working_directory"].flatMap { text($0) },
            dependencies: top["dependencies"].map { list($0).compactMap { dependency($0) } } ?? [],
            methods: methods ?? [],
            files: top["files"].map { list($0).compactMap { companion($0) } } ?? [],
            properties: top["properties"].map { list($0).compactMap { property($0) } } ?? [],
            listeners: top["listeners"].map { list($0).compactMap { listener($0) } } ?? [],
            directories: top["directories"].map { list($0).compactMap { directory($0) } } ?? [],
            connections: top["connections"].map { connections($0) } ?? ConnectionsTemplate(),
            origin: file)
        guard kind != nil, service != nil, role != .some(nil), stacks != nil, user != nil, commonName != nil, description != nil,
              methods != nil, duration != nil, phase != nil else { return nil }
        return template
    }

    // MARK: - Parts

    private mutating func dependency(_ node: YAMLNode) -> DependencyTemplate? {
        guard let fields = mapping(node, keys: Keys.dependency, what: "a dependency") else { return nil }
        guard let name = required(fields, "name", node).flatMap({ plain($0) }),
              let fmriNode = required(fields, "fmri", node), let fmri = text(fmriNode) else { return nil }
        // Each mustache tag stands for one value while SMF parses the rest.
        let sample = fmri.replacing(/\{\{[^}]*\}\}/, with: "x")
        let target: String
        switch FMRI.parseService(sample) {
        case .success(let parts) where parts.service != nil && parts.propertyGroup == nil:
            target = parts.service ?? ""
        case .success:
            report(TemplateRule.fmri, "'\(fmri)' names no service or instance; write svc:/service:instance", at: fmriNode)
            return nil
        case .failure(let error):
            report(TemplateRule.fmri, "'\(fmri)' is not an FMRI: \(error.reason)", at: fmriNode)
            return nil
        }
        let grouping = fields["grouping"].map { choice($0, of: DependencyGrouping.self, "grouping") } ?? .requireAll
        let restartOn = fields["restart_on"].map { choice($0, of: RestartOn.self, "restart_on") } ?? RestartOn.none
        let perNode = fields["per_node"].map { bool($0) } ?? false
        guard let grouping, let restartOn, let perNode else { return nil }
        if !perNode { sharedValue(fmri, at: fmriNode, what: "dependency '\(name)'") }
        return DependencyTemplate(name: name, fmri: fmri, targetService: target, perNode: perNode, grouping: grouping,
                                  restartOn: restartOn)
    }

    private mutating func method(_ node: YAMLNode) -> MethodTemplate? {
        guard let fields = mapping(node, keys: Keys.method, what: "a method") else { return nil }
        guard let name = required(fields, "name", node).flatMap({ plain($0) }),
              let exec = required(fields, "exec", node).flatMap({ text($0) }),
              let timeout = required(fields, "timeout", node).flatMap({ int($0) }) else { return nil }
        return MethodTemplate(name: name, exec: exec, timeout: timeout)
    }

    private mutating func companion(_ node: YAMLNode) -> FileTemplate? {
        guard let fields = mapping(node, keys: Keys.file, what: "a file") else { return nil }
        guard let template = required(fields, "template", node).flatMap({ plain($0) }),
              let output = required(fields, "output", node).flatMap({ plain($0) }),
              let install = required(fields, "install", node).flatMap({ text($0) }),
              let mode = fields["mode"].map({ self.mode($0) }) ?? 0o644 else { return nil }
        return FileTemplate(template: template, output: output, install: install, permissions: mode)
    }

    private mutating func property(_ node: YAMLNode) -> PropertyTemplate? {
        guard let fields = mapping(node, keys: Keys.property, what: "a property") else { return nil }
        guard let name = required(fields, "name", node).flatMap({ plain($0) }),
              let type = required(fields, "type", node).flatMap({ choice($0, of: SMFType.self, "type") }),
              let value = required(fields, "value", node).flatMap({ text($0) }),
              let commonName = required(fields, "common_name", node).flatMap({ text($0) }),
              let description = required(fields, "description", node).flatMap({ text($0) }),
              let perNode = fields["per_node"].map({ bool($0) }) ?? false else { return nil }
        if !perNode, let valueNode = fields["value"] { sharedValue(value, at: valueNode, what: "property '\(name)'") }
        let constraints = fields["constraints"].map { list($0).compactMap { plain($0) } }
        return PropertyTemplate(name: name, type: type, value: value, perNode: perNode, commonName: commonName,
                                description: description, constraints: constraints)
    }

    private mutating func listener(_ node: YAMLNode) -> ListenerTemplate? {
        guard let fields = mapping(node, keys: Keys.listener, what: "a listener") else { return nil }
        guard let purpose = required(fields, "purpose", node).flatMap({ plain($0) }),
              let portNode = required(fields, "port", node), let portText = plain(portNode) else { return nil }
        let port: ListenerTemplate.Port
        if let number = Int(portText) {
            guard (1...65535).contains(number) else {
                report(TemplateRule.listener, "port \(number) is not from 1 to 65535", at: portNode)
                return nil
            }
            port = .number(number)
        } else {
            guard definitionKey(portText, of: .port, at: portNode) else { return nil }
            port = .key(portText)
        }
        var address: String?
        if let addressNode = fields["address"] {
            guard let text = plain(addressNode), definitionKey(text, of: .address, at: addressNode) else { return nil }
            address = text
        }
        return ListenerTemplate(purpose: purpose, port: port, address: address)
    }

    private mutating func directory(_ node: YAMLNode) -> DirectoryTemplate? {
        guard let fields = mapping(node, keys: Keys.directory, what: "a directory") else { return nil }
        guard let path = required(fields, "path", node).flatMap({ text($0) }),
              let mode = fields["mode"].map({ self.mode($0) }) ?? 0o755 else { return nil }
        return DirectoryTemplate(path: path, permissions: mode)
    }

    private mutating func connections(_ node: YAMLNode) -> ConnectionsTemplate {
        guard let fields = mapping(node, keys: Keys.connections, what: "connections") else { return ConnectionsTemplate() }
        return ConnectionsTemplate(
            peers: fields["peers"].flatMap { text($0) },
            clients: fields["clients"].map { list($0).compactMap { client($0) } } ?? [],
            applications: fields["applications"].flatMap { text($0) })
    }

    private mutating func client(_ node: YAMLNode) -> ClientConnection? {
        guard let fields = mapping(node, keys: Keys.client, what: "a connection") else { return nil }
        guard let toNode = required(fields, "to", node), let to = plain(toNode),
              let scope = required(fields, "on", node).flatMap({ choice($0, of: ClientConnection.Scope.self, "on") }),
              let label = required(fields, "label", node).flatMap({ text($0) }) else { return nil }
        return ClientConnection(to: to, on: scope, label: label,
                                location: SourceLocation(file: file, line: toNode.line, column: toNode.column))
    }

    /// A value shared by every node (on the service, not an instance) cannot
    /// name the node being rendered: there is none.
    private mutating func sharedValue(_ text: String, at node: YAMLNode, what: String) {
        guard text.contains("{{node.") else { return }
        report(TemplateRule.perNode, "\(what) uses node values ({{node.…}}) but is shared by every node; "
               + "mark it per_node: true", at: node)
    }

    /// Whether `path` is a definition key of `kind` (reported if not).
    private mutating func definitionKey(_ path: String, of kind: ValueKind, at node: YAMLNode) -> Bool {
        let keys = DefinitionKeys.of(kind).map(\.path)
        guard !keys.contains(path) else { return true }
        var message = "'\(path)' is not a\(kind == .address ? "n address" : " port") key of the definition"
        if let guess = KeySuggestion.closest(to: path, among: keys) { message += "; did you mean '\(guess)'?" }
        else { message += "; one of: \(keys.joined(separator: ", "))" }
        report(TemplateRule.listener, message, at: node)
        return false
    }

    // MARK: - YAML

    /// A mapping's values by key, unknown and duplicate keys reported.
    private mutating func mapping(_ node: YAMLNode, keys: [String], what: String) -> [String: YAMLNode]? {
        guard case .mapping(let pairs) = node.content else {
            report(TemplateRule.type, "\(what) must be a mapping of keys to values, found \(node.kindDescription)", at: node)
            return nil
        }
        var values: [String: YAMLNode] = [:]
        var keyNodes: [String: YAMLNode] = [:]
        for pair in pairs {
            guard case .scalar(let scalar) = pair.key.content else {
                report(TemplateRule.type, "a key must be a name, found \(pair.key.kindDescription)", at: pair.key)
                continue
            }
            if let first = keyNodes[scalar.text] {
                report(TemplateRule.duplicateKey, "duplicate key '\(scalar.text)' (first at line \(first.line)); keep one",
                       at: pair.key)
                continue
            }
            keyNodes[scalar.text] = pair.key
            guard keys.contains(scalar.text) else {
                var message = "unknown key '\(scalar.text)' in \(what)"
                if let guess = KeySuggestion.closest(to: scalar.text, among: keys) { message += "; did you mean '\(guess)'?" }
                else { message += "; expected one of: \(keys.joined(separator: ", "))" }
                report(TemplateRule.unknownKey, message, at: pair.key)
                continue
            }
            values[scalar.text] = pair.value
        }
        return values
    }

    private mutating func required(_ fields: [String: YAMLNode], _ key: String, _ owner: YAMLNode) -> YAMLNode? {
        if let node = fields[key] { return node }
        report(TemplateRule.missingKey, "the required key '\(key)' is missing", at: owner)
        return nil
    }

    private mutating func list(_ node: YAMLNode) -> [YAMLNode] {
        guard case .sequence(let items) = node.content else {
            report(TemplateRule.type, "expected a list, found \(node.kindDescription)", at: node)
            return []
        }
        return items
    }

    private mutating func scalar(_ node: YAMLNode, _ what: String) -> YAMLScalar? {
        guard case .scalar(let scalar) = node.content, !scalar.isNull else {
            report(TemplateRule.type, "expected \(what), found \(node.kindDescription)", at: node)
            return nil
        }
        return scalar
    }

    /// A string that may hold mustache tags: every tag's name is checked.
    private mutating func text(_ node: YAMLNode) -> String? {
        guard let scalar = scalar(node, "a string") else { return nil }
        let start = scalar.verbatimStart ?? (node.line, node.column)
        diagnostics += names.diagnostics(in: scalar.text, file: file, start: start,
                                         verbatim: scalar.verbatimStart != nil)
        return scalar.text
    }

    /// A string that is a name, never a template.
    private mutating func plain(_ node: YAMLNode) -> String? {
        scalar(node, "a string")?.text
    }

    private mutating func int(_ node: YAMLNode) -> Int? {
        guard let scalar = scalar(node, "an integer") else { return nil }
        guard scalar.style == .plain, let value = Int(scalar.text) else {
            report(TemplateRule.type, "expected an integer, found '\(scalar.text)'", at: node)
            return nil
        }
        return value
    }

    private mutating func bool(_ node: YAMLNode) -> Bool? {
        guard let scalar = scalar(node, "true or false") else { return nil }
        switch scalar.text {
        case "true" where scalar.style == .plain: return true
        case "false" where scalar.style == .plain: return false
        default:
            report(TemplateRule.type, "expected true or false, found '\(scalar.text)'", at: node)
            return nil
        }
    }

    private mutating func mode(_ node: YAMLNode) -> UInt16? {
        guard let text = plain(node) else { return nil }
        guard let bits = UInt16(text, radix: 8), bits <= 0o7777 else {
            report(TemplateRule.mode, "mode '\(text)' is not an octal mode such as \"0755\"", at: node)
            return nil
        }
        return bits
    }

    /// One value of a closed vocabulary, with the closest one suggested.
    private mutating func choice<Choice: RawRepresentable & CaseIterable>(_ node: YAMLNode, of: Choice.Type,
                                                                          _ what: String) -> Choice?
        where Choice.RawValue == String
    {
        guard let text = plain(node) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let choices = Choice.allCases.map(\.rawValue)
        var message = "\(what) '\(text)' is not one of \(choices.joined(separator: ", "))"
        if let guess = KeySuggestion.closest(to: text.lowercased(), among: choices) { message += "; did you mean '\(guess)'?" }
        report(TemplateRule.value, message, at: node)
        return nil
    }

    private mutating func report(_ rule: String, _ message: String, at node: YAMLNode) {
        report(rule, message, line: node.line, column: node.column)
    }

    private mutating func report(_ rule: String, _ message: String, line: Int, column: Int) {
        diagnostics.append(.error(message, rule: rule, at: SourceLocation(file: file, line: line, column: column)))
    }
}
