import Diagnostics

/// Turns a composed YAML document into a `ClusterDefinition`, recording where
/// every value was written and collecting every problem rather than stopping
/// at the first. A value that is wrong but optional falls back to its default
/// (after being reported), so the checks can still run; a required value that
/// is missing or unusable leaves no definition at all.
struct DefinitionDecoder {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var sourceMap: SourceMap
    private var complete = true

    init(file: String) {
        self.file = file
        sourceMap = SourceMap(file: file)
    }

    /// Whether every required value was there and usable. When it was not,
    /// `decode` still returns what it could read, with empty stand-ins for
    /// the missing values, so the checks can report every other problem of
    /// the file in the same round; such a definition is never generated from.
    private(set) var isComplete = true

    /// Reads every key `DefinitionKeys` declares, in its order; a key the
    /// file leaves out keeps its default.
    mutating func decode(_ root: YAMLNode?) -> ClusterDefinition? {
        guard let root else {
            report(LoadingRule.missingKey,
                   "the definition is empty; it needs at least 'cluster', 'stack' and 'nodes' (run 'smfkit init' for an example)",
                   line: 1, column: 1)
            return nil
        }
        guard let top = fields(of: root, at: "", keys: DefinitionKeys.keys(in: "")) else { return nil }

        var definition = ClusterDefinition(blankCluster: "", stack: .patroni, nodes: [])
        for key in DefinitionKeys.all { definition.applyDefault(of: key) }
        var cluster: String?
        var stack: Stack?
        var nodes: [Node]?
        var written: Set<String> = []
        // Each section is read (and its unknown keys reported) once, when
        // the table reaches its first key.
        var sections: [String: Fields?] = [:]
        for key in DefinitionKeys.all {
            let fields: Fields?
            if key.section.isEmpty {
                fields = top
            } else if let opened = sections[key.section] {
                fields = opened
            } else {
                fields = section(top, key.section, keys: DefinitionKeys.keys(in: key.section))
                sections[key.section] = .some(fields)
            }
            switch key.slot {
            case .required(let keyPath):
                cluster = requiredString(top, key.name)
                definition[keyPath: keyPath] = cluster ?? ""
            case .stack:
                stack = requiredStack(top)
                definition.stack = stack ?? .patroni
            case .nodes:
                nodes = requiredNodes(top)
                definition.nodes = nodes ?? []
            case .hosts:
                definition.hosts = hosts(top)
            case .int(let keyPath, _):
                guard let fields, let value = int(fields, key.name) else { continue }
                definition[keyPath: keyPath] = value
                written.insert(key.path)
            case .string(let keyPath, _), .derived(let keyPath, _, _):
                guard let fields, let value = string(fields, key.name) else { continue }
                definition[keyPath: keyPath] = value
                written.insert(key.path)
            case .optional(let keyPath, _):
                guard let fields, let value = string(fields, key.name) else { continue }
                definition[keyPath: keyPath] = value
                written.insert(key.path)
            case .account:
                guard let fields, let user = user(fields, key.name) else { continue }
                definition.users[key.name] = user
                written.insert(key.path)
            case .setting(.int):
                guard let fields, let value = int(fields, key.name) else { continue }
                definition.settings[key.path] = .int(value)
                written.insert(key.path)
            case .setting(.string):
                guard let fields, let value = string(fields, key.name) else { continue }
                definition.settings[key.path] = .string(value)
                written.insert(key.path)
            case .setting(.bool):
                guard let fields, let node = fields.values[key.name], let value = bool(node, at: key.path) else { continue }
                definition.settings[key.path] = .bool(value)
                written.insert(key.path)
            case .setting(.strings):
                guard let fields, let node = fields.values[key.name], let value = strings(node, at: key.path) else {
                    continue
                }
                definition.settings[key.path] = .strings(value)
                written.insert(key.path)
            }
        }
        for key in DefinitionKeys.all where !written.contains(key.path) { definition.applyDerivedDefault(of: key) }

        isComplete = complete && cluster != nil && stack != nil && nodes != nil
        // Without a list of nodes there is too little to check.
        guard nodes != nil else { return nil }
        return definition
    }

    // MARK: - Sections of the format

    private mutating func requiredStack(_ top: Fields) -> Stack? {
        guard let node = required(top, "stack"), let text = string(node, at: top.path("stack")) else {
            complete = false
            return nil
        }
        guard let stack = Stack(rawValue: text) else {
            let choices = Stack.allCases.map(\.rawValue)
            var message = "stack must be one of \(choices.joined(separator: ", ")); found \(display(text))"
            if let guess = KeySuggestion.closest(to: text.lowercased(), among: choices) {
                message += "; did you mean '\(guess)'?"
            }
            report(LoadingRule.type, message, at: node)
            complete = false
            return nil
        }
        return stack
    }

    private mutating func requiredNodes(_ top: Fields) -> [Node]? {
        guard let node = required(top, "nodes") else {
            complete = false
            return nil
        }
        guard case .sequence(let items) = node.content else {
            report(LoadingRule.type, "expected a list of nodes (each with name and address), found \(describe(node))", at: node)
            complete = false
            return nil
        }
        var nodes: [Node] = []
        for (index, item) in items.enumerated() {
            let path = "nodes[\(index)]"
            record(path, item)
            // A node missing its name or address keeps its place (checks
            // find positions by index) with an empty stand-in, which the
            // checks skip as never written.
            var node = Node(name: "", address: "", keeperID: "")
            guard let fields = fields(of: item, at: path, keys: NodeKeys.names + ["roles"]) else {
                complete = false
                for key in NodeKeys.all { key.applyFallback(to: &node, index: index, among: NodeKeys.all) }
                nodes.append(node)
                continue
            }
            if !read(fields, NodeKeys.all, into: &node, index: index) { complete = false }
            if let list = fields.values["roles"] { node.roles = roles(list, at: "\(path).roles") }
            nodes.append(node)
        }
        return nodes
    }

    /// The optional `hosts` list; a host missing its name keeps its place
    /// (checks find positions by index) with an empty stand-in.
    private mutating func hosts(_ top: Fields) -> [ClusterHost] {
        guard let node = top.values["hosts"] else { return [] }
        if case .scalar(let scalar) = node.content, scalar.isNull { return [] }
        guard case .sequence(let items) = node.content else {
            report(LoadingRule.type, "expected a list of hosts (each with a name, and ssh if it differs), found \(describe(node))",
                   at: node)
            return []
        }
        var hosts: [ClusterHost] = []
        for (index, item) in items.enumerated() {
            let path = "hosts[\(index)]"
            record(path, item)
            var host = ClusterHost(name: "", ssh: "")
            guard let fields = fields(of: item, at: path, keys: HostKeys.names) else {
                complete = false
                hosts.append(host)
                continue
            }
            if !read(fields, HostKeys.all, into: &host, index: index) { complete = false }
            hosts.append(host)
        }
        return hosts
    }

    /// An account of `users:`; nil (the default stays) when it lacks a
    /// required key.
    private mutating func user(_ section: Fields, _ key: String) -> ServiceUser? {
        guard let fields = self.section(section, key, keys: AccountKeys.names) else { return nil }
        var user = ServiceUser(name: "", uid: 0, group: "", gid: 0)
        return read(fields, AccountKeys.all, into: &user, index: 0) ? user : nil
    }

    /// Reads a mapping's keys into `root` by their entries, then gives the
    /// absent ones their fallbacks; false when a required key is missing or
    /// unusable (reported).
    private mutating func read<Root>(_ fields: Fields, _ keys: [FieldKey<Root>], into root: inout Root, index: Int)
        -> Bool
    {
        var usable = true
        var absent: [FieldKey<Root>] = []
        for key in keys {
            switch key.slot {
            case .string(let keyPath):
                let value = key.isRequired ? requiredString(fields, key.name) : string(fields, key.name)
                if let value { root[keyPath: keyPath] = value } else if key.isRequired { usable = false } else { absent.append(key) }
            case .int(let keyPath):
                let value = key.isRequired ? requiredInt(fields, key.name) : int(fields, key.name)
                if let value { root[keyPath: keyPath] = value } else if key.isRequired { usable = false } else { absent.append(key) }
            }
        }
        for key in absent { key.applyFallback(to: &root, index: index, among: keys) }
        return usable
    }

    // MARK: - Mappings and keys

    /// A mapping's known keys and their values, and the path it sits at.
    struct Fields {
        var path: String
        var node: YAMLNode
        var values: [String: YAMLNode]
        /// Known keys that a misspelt key was taken for: already reported
        /// with a suggestion, so not reported again as missing.
        var suggested: Set<String> = []

        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    /// Reads a mapping, reporting unknown and duplicate keys; nil (reported)
    /// if `node` is not a mapping.
    private mutating func fields(of node: YAMLNode, at path: String, keys: [String]) -> Fields? {
        guard case .mapping(let pairs) = node.content else {
            let what = path.isEmpty ? "the definition" : "'\(path)'"
            var message = "\(what) must be a mapping of keys to values, found \(describe(node))"
            if case .scalar(let scalar) = node.content, scalar.style == .plain,
               let glued = SyntaxHint.missingSpaceColon(in: scalar.text)
            {
                message += "; a key needs a space after its ':' (write '\(glued.fixed)')"
            }
            report(LoadingRule.type, message, at: node)
            return nil
        }
        var result = Fields(path: path, node: node, values: [:])
        var seen: [String: YAMLNode] = [:]
        for pair in pairs {
            guard case .scalar(let scalar) = pair.key.content, !scalar.isNull else {
                report(LoadingRule.type, "a key must be a name, found \(describe(pair.key))", at: pair.key)
                continue
            }
            let key = scalar.text
            if let first = seen[key] {
                report(LoadingRule.duplicateKey,
                       "duplicate key \(display(key)) (first written at line \(first.line), column \(first.column)); keep one",
                       at: pair.key)
                continue
            }
            seen[key] = pair.key
            guard keys.contains(key) else {
                var message = "unknown key \(display(key))" + (path.isEmpty ? "" : " in '\(path)'")
                if let guess = KeySuggestion.closest(to: key, among: keys) {
                    message += "; did you mean '\(guess)'?"
                    result.suggested.insert(guess)
                } else if path.isEmpty, case let owners = DefinitionKeys.sections(owning: key), !owners.isEmpty {
                    let named = owners.map { "'\($0):'" }.joined(separator: " or ")
                    message += "; \(display(key)) belongs under \(named) — indent it like the keys beside it"
                } else {
                    message += "; expected one of: \(keys.joined(separator: ", "))"
                }
                report(LoadingRule.unknownKey, message, at: pair.key)
                continue
            }
            let childPath = result.path(key)
            sourceMap.keys[childPath] = location(pair.key)
            record(childPath, pair.value)
            result.values[key] = pair.value
        }
        return result
    }

    /// An optional sub-mapping; nil if absent, null (all defaults) or not a mapping (reported).
    private mutating func section(_ parent: Fields, _ key: String, keys: [String]) -> Fields? {
        guard let node = parent.values[key] else { return nil }
        if case .scalar(let scalar) = node.content, scalar.isNull { return nil }
        return fields(of: node, at: parent.path(key), keys: keys)
    }

    private mutating func required(_ fields: Fields, _ key: String) -> YAMLNode? {
        if let node = fields.values[key] { return node }
        if fields.suggested.contains(key) { return nil }
        let owner = fields.path.isEmpty ? "the definition" : "'\(fields.path)'"
        report(LoadingRule.missingKey, "\(owner) lacks the required key '\(key)'", at: fields.node)
        return nil
    }

    // MARK: - Scalars

    private mutating func requiredString(_ fields: Fields, _ key: String) -> String? {
        guard let node = required(fields, key) else {
            complete = false
            return nil
        }
        guard let text = string(node, at: fields.path(key)) else {
            complete = false
            return nil
        }
        return text
    }

    private mutating func requiredInt(_ fields: Fields, _ key: String) -> Int? {
        guard let node = required(fields, key) else { return nil }
        return int(node, at: fields.path(key))
    }

    private mutating func string(_ fields: Fields, _ key: String) -> String? {
        guard let node = fields.values[key] else { return nil }
        return string(node, at: fields.path(key))
    }

    private mutating func int(_ fields: Fields, _ key: String) -> Int? {
        guard let node = fields.values[key] else { return nil }
        return int(node, at: fields.path(key))
    }

    /// Any scalar but null reads as its text: `version: 1.0` is the string "1.0".
    private mutating func string(_ node: YAMLNode, at path: String) -> String? {
        guard case .scalar(let scalar) = node.content, !scalar.isNull else {
            report(LoadingRule.type, "'\(path)' must be a string, found \(describe(node))" + bracketHint(node), at: node)
            unwrite(path)
            return nil
        }
        guard acceptsTag(scalar, at: node, path: path, allowed: ["tag:yaml.org,2002:str"]) else {
            unwrite(path)
            return nil
        }
        if let start = scalar.verbatimStart {
            sourceMap.verbatimStarts[path] = SourceLocation(file: file, line: start.line, column: start.column)
        }
        return scalar.text
    }

    /// A plain decimal integer. A quoted number is a string in YAML, and is
    /// reported as such rather than silently converted.
    private mutating func int(_ node: YAMLNode, at path: String) -> Int? {
        guard case .scalar(let scalar) = node.content, !scalar.isNull else {
            report(LoadingRule.type, "'\(path)' must be an integer, found \(describe(node))" + bracketHint(node), at: node)
            unwrite(path)
            return nil
        }
        guard acceptsTag(scalar, at: node, path: path, allowed: ["tag:yaml.org,2002:int"]) else {
            unwrite(path)
            return nil
        }
        let digits = scalar.text
        let unsigned = digits.first == "-" || digits.first == "+" ? digits.dropFirst() : Substring(digits)
        let isDecimal = !unsigned.isEmpty && unsigned.allSatisfy { $0.isASCII && $0.isNumber }
        guard scalar.style == .plain || scalar.tag != nil, isDecimal, let value = Int(digits) else {
            var message = "'\(path)' must be an integer, found \(describe(node))"
            if scalar.style != .plain, Int(digits) != nil { message += "; remove the quotes" }
            else if isDecimal { message += ", which is out of range" }
            report(LoadingRule.type, message, at: node)
            unwrite(path)
            return nil
        }
        return value
    }

    /// `true` or `false`, unquoted: a quoted "false" is a string, and the
    /// other spellings YAML 1.1 knew (yes, on, …) are refused, not guessed.
    private mutating func bool(_ node: YAMLNode, at path: String) -> Bool? {
        guard case .scalar(let scalar) = node.content, !scalar.isNull else {
            report(LoadingRule.type, "'\(path)' must be true or false, found \(describe(node))", at: node)
            return nil
        }
        guard acceptsTag(scalar, at: node, path: path, allowed: ["tag:yaml.org,2002:bool"]) else { return nil }
        guard scalar.style == .plain || scalar.tag != nil, ["true", "false"].contains(scalar.text) else {
            report(LoadingRule.type, "'\(path)' must be true or false, found \(describe(node))", at: node)
            return nil
        }
        return scalar.text == "true"
    }

    /// A node's `roles`: each a role's name (or `haproxy` for `proxy`), as
    /// written (the checks report one listed twice). A refused item is
    /// reported and left out.
    private mutating func roles(_ node: YAMLNode, at path: String) -> [NodeRole]? {
        guard let words = strings(node, at: path) else { return nil }
        var roles: [NodeRole] = []
        for (index, word) in words.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard let role = NodeRole(word: word) else {
                let names = NodeRole.allCases.map(\.rawValue)
                var message = "role '\(word)' is not one of \(names.joined(separator: ", ")) (or haproxy, the proxy role)"
                if let guess = KeySuggestion.closest(to: word.lowercased(), among: names + Array(NodeRole.aliases.keys)) {
                    message += "; did you mean '\(guess)'?"
                }
                let at = sourceMap.values[itemPath]
                report(LoadingRule.type, message, line: at?.line ?? node.line, column: at?.column ?? node.column)
                complete = false
                continue
            }
            roles.append(role)
        }
        return roles
    }

    /// A list of strings; each item's position is recorded as `path[index]`.
    private mutating func strings(_ node: YAMLNode, at path: String) -> [String]? {
        guard case .sequence(let items) = node.content else {
            report(LoadingRule.type, "'\(path)' must be a list, found \(describe(node))", at: node)
            return nil
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            record(itemPath, item)
            guard let text = string(item, at: itemPath) else { return nil }
            result.append(text)
        }
        return result
    }

    private mutating func acceptsTag(_ scalar: YAMLScalar, at node: YAMLNode, path: String, allowed: [String]) -> Bool {
        guard let tag = scalar.tag, !allowed.contains(tag) else { return true }
        report(LoadingRule.tag, "'\(path)' carries the tag \(display(tag)), which this format does not use; remove it",
               at: node)
        return false
    }

    // MARK: - Reporting

    private mutating func record(_ path: String, _ node: YAMLNode) {
        sourceMap.values[path] = location(node)
    }

    private func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    private mutating func report(_ rule: String, _ message: String, at node: YAMLNode) {
        report(rule, message, line: node.line, column: node.column)
    }

    private mutating func report(_ rule: String, _ message: String, line: Int, column: Int) {
        diagnostics.append(.error(message, rule: rule, at: SourceLocation(file: file, line: line, column: column)))
    }

    /// A value that was refused counts as never written, so no check reports
    /// it again in other words (an address read as a list is not reported a
    /// second time as "address '' is not an IPv4 or IPv6 address").
    private mutating func unwrite(_ path: String) {
        sourceMap.values[path] = nil
        sourceMap.verbatimStarts[path] = nil
    }

    /// `[fd00::11]`: in YAML, brackets make a list, which is rarely what was
    /// meant where one value belongs.
    private func bracketHint(_ node: YAMLNode) -> String {
        guard case .sequence(let items) = node.content else { return "" }
        var hint = " — in YAML, brackets make a list; write the value without them"
        if items.count == 1, case .scalar(let item) = items[0].content, item.text.contains(":") {
            hint += ", and quote an IPv6 address: '\(item.text)'"
        }
        return hint
    }

    /// What a node is, with the value itself when it is a scalar.
    private func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar) where scalar.isNull: "nothing (null)"
        case .scalar(let scalar) where scalar.style == .plain: display(scalar.text)
        case .scalar(let scalar): "the quoted string \(display(scalar.text))"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// A value quoted for a one-line message: control characters escaped, long
/// values shortened.
func display(_ value: String) -> String {
    var shown = ""
    for scalar in value.unicodeScalars.prefix(60) {
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
            shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
            shown.unicodeScalars.append(scalar)
        }
    }
    if value.unicodeScalars.count > 60 { shown += "…" }
    return "'\(shown)'"
}
