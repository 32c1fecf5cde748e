@testable import SMF

/// Documents that break a valid base document in one place each: every
/// element's content model, every attribute's presence and value.
struct Mutation {
    /// What was done, for messages: `remove-children service/instance[0]`.
    var label: String
    /// The element the mutation targets.
    var element: String
    var document: XMLElementNode
}

enum Mutations {
    /// A DTD's content models do not depend on where an element stands, so
    /// each element name is mutated where it first occurs.
    static func all(of base: XMLElementNode, prefix: String) -> [Mutation] {
        var result: [Mutation] = []
        var seen = Set<String>()
        visit(base, path: []) { node, path in
            guard seen.insert(node.name).inserted else { return }
            let label = prefix + "/" + path.map(String.init).joined(separator: "/") + " <\(node.name)>"
            func add(_ kind: String, _ change: (inout XMLElementNode) -> Void) {
                var copy = node
                change(&copy)
                result.append(Mutation(label: "\(kind) \(label)", element: node.name,
                                       document: replacing(base, at: path, with: copy)))
            }
            let elementChildren = node.children.filter { if case .element = $0 { true } else { false } }
            // Content models: empty it, repeat or reorder what it holds, put
            // text, a misplaced declared element or an undeclared one in it.
            add("remove-children") { $0.children = [] }
            if let first = elementChildren.first {
                add("duplicate-first-child") { $0.children.insert(first, at: 0) }
            }
            if elementChildren.count > 1 {
                add("reverse-children") { $0.children = elementChildren.reversed() }
            }
            add("add-text") { $0.children.append(.text("stray text")) }
            add("add-misplaced-element") {
                $0.children.insert(.element(XMLElementNode(name: "single_instance", location: node.location)), at: 0)
            }
            add("add-value-node") {
                $0.children.append(.element(XMLElementNode(
                    name: "value_node", attributes: [XMLAttribute(name: "value", value: "v")], location: node.location)))
            }
            add("add-undeclared-element") {
                $0.children.append(.element(XMLElementNode(name: "undeclared", location: node.location)))
            }
            // Attributes: drop each, give each a value outside any
            // enumeration, add one nobody declared.
            for (index, attribute) in node.attributes.enumerated() {
                add("remove-attribute-\(attribute.name)") { $0.attributes.remove(at: index) }
                add("bad-value-\(attribute.name)") {
                    $0.attributes[index] = XMLAttribute(name: attribute.name, value: "not-in-any-enumeration")
                }
            }
            add("add-undeclared-attribute") { $0.attributes.append(XMLAttribute(name: "undeclared", value: "1")) }
        }
        return result
    }

    private static func visit(_ node: XMLElementNode, path: [Int], _ body: (XMLElementNode, [Int]) -> Void) {
        body(node, path)
        for (index, child) in node.children.enumerated() {
            if case .element(let element) = child { visit(element, path: path + [index], body) }
        }
    }

    private static func replacing(_ node: XMLElementNode, at path: [Int], with replacement: XMLElementNode)
        -> XMLElementNode
    {
        guard let first = path.first else { return replacement }
        var copy = node
        if case .element(let child) = copy.children[first] {
            copy.children[first] = .element(replacing(child, at: Array(path.dropFirst()), with: replacement))
        }
        return copy
    }
}
