import Diagnostics
import SMF

/// `cluster.value.size`: every property value and method line the stack's
/// templates make from the definition fits what SMF stores (4095 bytes; a
/// longer one svccfg silently cuts, which generate's verify stage refuses).
/// The values are rendered here exactly as translation renders them, so a
/// definition check passes is one generate does not refuse for a size; the
/// definition key the value is made from is blamed (`nodes` for the lists
/// of etcd members).
struct ValueSizeCheck: DefinitionCheck {
    let rule = "cluster.value.size"
    let services: [ServiceTemplate]

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        guard !definition.nodes.isEmpty else { return [] }
        let context = TemplateContext(definition, services: services)
        var found: [Diagnostic] = []
        var reported: Set<String> = []
        for template in services {
            var values: [(name: String, text: String, rendered: String?)] = template.methods.map { method in
                ("\(method.name) method", method.exec, try? TextTemplate.render(method.exec, context.base, name: template.origin))
            }
            values += template.properties.filter { !$0.perNode }.map { property in
                ("config/\(property.name)", property.value,
                 try? TextTemplate.render(property.value, context.base, name: template.origin))
            }
            let perNode = template.properties.filter(\.perNode)
            for (index, node) in definition.nodes.enumerated() where definition.runs(template.role, on: node)
                && !perNode.isEmpty
            {
                let nodeContext = context.node(at: index)
                values += perNode.map { property in
                    ("config/\(property.name) of \(node.name)", property.value,
                     try? TextTemplate.render(property.value, nodeContext, name: template.origin))
                }
            }
            for value in values {
                guard let rendered = value.rendered, rendered.utf8.count > SMFType.maxValueLength,
                      reported.insert("\(template.kind) \(value.name)").inserted else { continue }
                let blamed = Self.blamedKey(in: value.text, loaded.sourceMap)
                found.append(error(
                    "\(template.kind)'s \(value.name) would be \(rendered.utf8.count) bytes long, and SMF keeps at "
                        + "most \(SMFType.maxValueLength) bytes of a value; "
                        + (blamed == "nodes"
                            ? "it lists every etcd member: give the etcd role to 3, 5 or 7 nodes (nodes[].roles)"
                            : "shorten '\(blamed)'"),
                    at: loaded.sourceMap.location(of: blamed)))
            }
        }
        return found
    }

    /// The written definition key the template text is made from; `nodes`
    /// when it names none (the member lists and node values).
    static func blamedKey(in text: String, _ map: SourceMap) -> String {
        for match in text.matches(of: /\{\{\s*([a-z_.]+)\s*\}\}/) {
            let path = String(match.output.1)
            if !path.hasPrefix("etcd.members"), !path.hasPrefix("etcd.addresses"), !path.hasPrefix("etcd.hosts"),
               !path.hasPrefix("node."), map.values[path] != nil
            {
                return path
            }
        }
        return "nodes"
    }
}
