/// The names a template may use: the shape of the template context, read
/// off a context built for a sample definition, so it is complete by
/// construction — whatever `TemplateContext` puts in, a template may name,
/// and nothing else.
///
/// A struct of collections rather than an indirect enum: the enum's boxes
/// are referenced through tagged pointers, which LeakSanitizer cannot see,
/// so the fuzz targets reported this shared value as a leak.
struct ContextShape: Sendable {
    enum Kind: Sendable {
        case mapping, list, value
    }

    let kind: Kind
    /// A mapping's members (empty for the other kinds).
    let members: [String: ContextShape]
    /// A list's element shape, as its one entry (empty for the other kinds).
    let elements: [ContextShape]

    static let value = ContextShape(kind: .value, members: [:], elements: [])

    private init(kind: Kind, members: [String: ContextShape], elements: [ContextShape]) {
        self.kind = kind
        self.members = members
        self.elements = elements
    }

    /// The shape of every context a template is rendered in: the
    /// definition's values, `node`, the node being rendered, and `host`,
    /// the host a deploy script is for.
    static let templates: ContextShape = {
        var node = Node(name: "n", address: "192.0.2.1", keeperID: "k")
        node.host = "h"
        // A member added to a running etcd, so that `etcd_joiners` shows its names.
        node.etcdState = "existing"
        var sample = ClusterDefinition(cluster: "c", stack: .patroni, nodes: [node])
        sample.hosts = [ClusterHost(name: "h", ssh: "h")]
        // Unset optionals are names too: give each a value so it shows.
        for key in DefinitionKeys.all {
            if case .optional(let keyPath, _) = key.slot { sample[keyPath: keyPath] = "x" }
        }
        // A primary that is a node, so that `primary_node` shows a node's names.
        sample.replication.primary = "n"
        // A service in every deploy phase, so that each phase's list shows its entries' names.
        let services = DeployPhase.allCases.map { phase in
            ServiceTemplate(
                kind: "x", stacks: [.patroni], service: "x", role: .postgres, commonName: "", description: "", user: .postgres,
                packages: [], overlays: [], duration: .child, deployPhase: phase, workingDirectory: nil,
                dependencies: [], methods: [], files: [], properties: [], listeners: [], directories: [],
                connections: ConnectionsTemplate(), origin: "")
        }
        let context = TemplateContext(sample, services: services)
        // A host's deploy script sees `host` (false elsewhere) as a mapping.
        let host = context.host(sample.hosts[0])
        return ContextShape(context.node(at: 0).merging(["host": host["host"] ?? false]) { _, hosted in hosted })
    }()

    init(_ value: Any) {
        if let mapping = value as? [String: Any] {
            self.init(kind: .mapping, members: mapping.mapValues(ContextShape.init), elements: [])
        } else if let list = value as? [Any] {
            self.init(kind: .list, members: [:], elements: [list.first.map(ContextShape.init) ?? .value])
        } else {
            self = .value
        }
    }

    /// The shape at a dotted name (`etcd.client_port`), or nil.
    func lookUp(_ name: String) -> ContextShape? {
        var shape = self
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard shape.kind == .mapping, let child = shape.members[String(part)] else { return nil }
            shape = child
        }
        return shape
    }

    /// Every dotted name reachable without entering a list, for suggestions.
    var names: [String] {
        guard kind == .mapping else { return [] }
        return members.keys.sorted().flatMap { key in
            [key] + (members[key]?.names ?? []).map { "\(key).\($0)" }
        }
    }
}
