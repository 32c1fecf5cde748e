import Diagnostics

/// `cluster.replication.primary`: plain streaming replication has no
/// election, so the definition must name exactly one primary, and it must
/// be one of the nodes. Without one, every node would wait to clone a
/// primary that never initialises; with two, both would initialise a
/// database of their own (two clusters, not one replicated one); a name
/// that is no node leaves every node a standby of nobody.
struct ReplicationPrimaryCheck: DefinitionCheck {
    let rule = "cluster.replication.primary"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        guard definition.stack == .replication, !definition.nodes.isEmpty else { return [] }
        let names = definition.nodes(running: .postgres).map(\.name)
        let listed = names.joined(separator: ", ")
        guard let primary = definition.replication.primary else {
            return [error("stack: replication needs the node that starts as the primary: add 'replication:' with "
                          + "'primary: <node>' naming one of \(listed)",
                          at: loaded.sourceMap.location(of: "stack"))]
        }
        let location = loaded.sourceMap.location(of: "replication.primary")
        let words = primary.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        if words.count > 1 {
            return [error("replication.primary names \(words.count) primaries (\(words.joined(separator: ", "))); "
                          + "streaming replication has exactly one, which the others clone: name one node",
                          at: location)]
        }
        guard !names.contains(primary) else { return [] }
        var message = "replication.primary '\(primary)' is not a PostgreSQL node of the cluster (\(listed))"
        if let guess = KeySuggestion.closest(to: primary, among: names) { message += "; did you mean '\(guess)'?" }
        return [error(message, at: location)]
    }
}
