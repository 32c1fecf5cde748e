/// The names a template may use: the shape of the template context, read
/// off a context built for a sample definition, so it is complete by
/// construction — whatever `TemplateContext` puts in, a template may name,
/// and nothing else.
indirect enum ContextShape: Sendable {
    case mapping([String: ContextShape])
    case list(ContextShape)
    case value

    /// The shape of every context a template is rendered in: the
    /// definition's values, and `node`, the node being rendered.
    static let templates: ContextShape = {
        var sample = ClusterDefinition(
            cluster: "c", stack: .patroni, nodes: [Node(name: "n", address: "192.0.2.1", keeperID: "k")])
        // Unset optionals are names too: give each a value so it shows.
        for key in DefinitionKeys.all {
            if case .optional(let keyPath, _) = key.slot { sample[keyPath: keyPath] = "x" }
        }
        let context = TemplateContext(sample) { _ in ["svc:/x:n"] }
        return ContextShape(context.node(at: 0))
    }()

    init(_ value: Any) {
        if let mapping = value as? [String: Any] {
            self = .mapping(mapping.mapValues(ContextShape.init))
        } else if let list = value as? [Any] {
            self = .list(list.first.map(ContextShape.init) ?? .value)
        } else {
            self = .value
        }
    }

    /// The shape at a dotted name (`etcd.client_port`), or nil.
    func lookUp(_ name: String) -> ContextShape? {
        var shape = self
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard case .mapping(let children) = shape, let child = children[String(part)] else { return nil }
            shape = child
        }
        return shape
    }

    /// Every dotted name reachable without entering a list, for suggestions.
    var names: [String] {
        guard case .mapping(let children) = self else { return [] }
        return children.keys.sorted().flatMap { key in
            [key] + (children[key]?.names ?? []).map { "\(key).\($0)" }
        }
    }
}
