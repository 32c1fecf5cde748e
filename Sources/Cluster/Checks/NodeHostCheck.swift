import Diagnostics

/// `cluster.node.host`: with `hosts`, every node names the host its zone is
/// on, one of the list (deploy-<host>.sh creates only the zones placed on
/// its host, so an unplaced node would be created by none); without
/// `hosts`, a node names none. A listed host that holds no node is a
/// warning: its deploy script would do nothing.
struct NodeHostCheck: DefinitionCheck {
    let rule = "cluster.node.host"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        let map = loaded.sourceMap
        let names = definition.hosts.map(\.name)
        var seen: Set<String> = []
        let listed = names.filter { seen.insert($0).inserted }.map { "'\($0)'" }.joined(separator: ", ")
        var found: [Diagnostic] = []
        for (index, node) in definition.nodes.enumerated() {
            let path = "nodes[\(index)].host"
            let written = map.values[path] != nil
            if !definition.hasHosts {
                if written {
                    found.append(error(
                        "node \(display(node.name)) names the host \(display(node.host)), but the definition lists no hosts; "
                            + "add it under 'hosts:' (- name: \(node.host)), or remove the node's host to deploy every zone on one host",
                        at: map.location(of: path)))
                }
                continue
            }
            if !written {
                // A node the loader could not read is reported there.
                guard map.values["nodes[\(index)]"] != nil else { continue }
                found.append(error(
                    "node \(display(node.name)) names no host; with 'hosts', every node says which one its zone is on "
                        + "(host: one of \(listed))",
                    at: map.location(of: "nodes[\(index)]")))
                continue
            }
            if !names.contains(node.host) {
                var message = "node \(display(node.name)) is on host \(display(node.host)), which 'hosts' does not list "
                    + "(it lists \(listed))"
                if let guess = DidYouMean.closest(to: node.host, among: names) { message += "; did you mean '\(guess)'?" }
                found.append(error(message, at: map.location(of: path)))
            }
        }
        for (index, host) in definition.hosts.enumerated()
        where map.values["hosts[\(index)].name"] != nil && !definition.nodes.contains(where: { $0.host == host.name }) {
            found.append(warning(
                "host \(display(host.name)) holds no node, so its deploy script would do nothing; place nodes on it "
                    + "(nodes[].host) or remove it",
                at: map.location(of: "hosts[\(index)].name")))
        }
        return found
    }
}
