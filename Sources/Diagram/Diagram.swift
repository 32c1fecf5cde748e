/// A picture of boxes and arrows, independent of how it is drawn: nodes,
/// nested groups (a host holding zones holding daemons), and edges. The DOT
/// and Mermaid renderers are the only places that turn it into text, and
/// Graphviz turns DOT into SVG.
public struct Diagram: Hashable, Sendable {
    public var title: String
    /// `leftToRight` suits dependency chains; `topToBottom` suits nesting.
    public var direction: Direction
    public var groups: [Group]
    /// Nodes outside every group.
    public var nodes: [Node]
    public var edges: [Edge]

    public enum Direction: Hashable, Sendable {
        case leftToRight, topToBottom
    }

    public init(title: String, direction: Direction = .leftToRight, groups: [Group] = [], nodes: [Node] = [],
                edges: [Edge] = []) {
        self.title = title
        self.direction = direction
        self.groups = groups
        self.nodes = nodes
        self.edges = edges
    }

    /// How a node or edge is drawn; each renderer maps these to its own styles.
    public enum Style: String, Hashable, Sendable {
        /// The ordinary case.
        case normal
        /// Present but inactive: a disabled instance, an optional dependency.
        case muted
        /// Something wrong or missing: an unresolved FMRI, an edge on a cycle.
        case alert
        /// Outside the picture's subject: a file, a milestone, the clients.
        case external
    }

    public struct Node: Hashable, Sendable {
        /// Unique within the diagram; never shown.
        public var id: String
        /// Shown; each element is a line.
        public var lines: [String]
        public var style: Style

        public init(id: String, lines: [String], style: Style = .normal) {
            self.id = id
            self.lines = lines
            self.style = style
        }
    }

    public struct Group: Hashable, Sendable {
        public var id: String
        public var label: String
        public var nodes: [Node]
        public var groups: [Group]

        public init(id: String, label: String, nodes: [Node] = [], groups: [Group] = []) {
            self.id = id
            self.label = label
            self.nodes = nodes
            self.groups = groups
        }
    }

    public struct Edge: Hashable, Sendable {
        public var from: String
        public var to: String
        public var label: String?
        public var style: Style
        /// Dashed: a relation that is not a hard requirement.
        public var dashed: Bool
        /// Drawn without an arrowhead: a relation both ways (etcd peers).
        public var undirected: Bool

        public init(from: String, to: String, label: String? = nil, style: Style = .normal, dashed: Bool = false,
                    undirected: Bool = false) {
            self.from = from
            self.to = to
            self.label = label
            self.style = style
            self.dashed = dashed
            self.undirected = undirected
        }
    }

    /// Every node, in groups or not, depth first.
    public var allNodes: [Node] {
        func collect(_ group: Group) -> [Node] { group.nodes + group.groups.flatMap(collect) }
        return nodes + groups.flatMap(collect)
    }
}
