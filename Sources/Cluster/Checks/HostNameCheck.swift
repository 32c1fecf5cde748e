import Diagnostics

/// `cluster.host.name`: a host's name names its deploy script
/// (`deploy-<name>.sh`), a step of deploy-hosts.sh and a word of the
/// shell's `case`, and `nodes[].host` refers to it: an ASCII letter, then
/// letters, digits, `_` and `-`, at most 119 bytes, not `hosts` (whose
/// script would be deploy-hosts.sh), and no two hosts with one name (a node on
/// it would be on either).
struct HostNameCheck: DefinitionCheck {
    let rule = "cluster.host.name"
    /// As a node name's (`NodeNameCheck`): well within a file name's 255 bytes.
    static let maxBytes = NodeNameCheck.maxBytes
    /// deploy-hosts.sh is the script that runs every host's.
    static let reserved = "hosts"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let map = loaded.sourceMap
        var found: [Diagnostic] = []
        var firstIndex: [String: Int] = [:]
        for (index, host) in loaded.definition.hosts.enumerated() {
            let path = "hosts[\(index)].name"
            // A missing name is reported by the loader; an unsafe character by cluster.value.unsafe-character.
            guard map.values[path] != nil, UnsafeCharacters.first(in: host.name) == nil else { continue }
            if let problem = Self.shapeProblem(of: host.name) {
                found.append(error("host name \(display(host.name)) \(problem.text)",
                                   at: map.location(of: path, characterOffset: problem.offset)))
                continue
            }
            if host.name == Self.reserved {
                found.append(error(
                    "host name 'hosts' would name its script deploy-hosts.sh, which is the script that deploys every "
                        + "host; name the host otherwise",
                    at: map.location(of: path)))
                continue
            }
            if host.name.utf8.count > Self.maxBytes {
                found.append(error(
                    "host name is \(host.name.utf8.count) bytes long; at most \(Self.maxBytes), as a node's (it names "
                        + "the file deploy-<name>.sh)",
                    at: map.location(of: path)))
                continue
            }
            if let first = firstIndex[host.name] {
                let firstAt = map.location(of: "hosts[\(first)].name")
                found.append(error(
                    "host name \(display(host.name)) is already used by the host at line \(firstAt.line); host names must be unique",
                    at: map.location(of: path)))
            } else {
                firstIndex[host.name] = index
            }
        }
        return found
    }

    /// What is wrong with the name's shape, and at which character; nil if nothing.
    static func shapeProblem(of name: String) -> (text: String, offset: Int)? {
        if name.isEmpty { return ("is empty; name it like 'alpha'", 0) }
        for (offset, scalar) in name.unicodeScalars.enumerated() {
            let isLetter = scalar.isASCII && scalar.properties.isAlphabetic
            let isDigit = scalar.isASCII && scalar.properties.numericType != nil
            if offset == 0, !isLetter {
                return ("must start with an ASCII letter, not \(characterName(scalar)) (it names the host's deploy-<name>.sh)",
                        offset)
            }
            if !(isLetter || isDigit || scalar == "_" || scalar == "-") {
                return ("may hold ASCII letters, digits, '_' and '-', not \(characterName(scalar)) "
                            + "(it names the host's deploy-<name>.sh)", offset)
            }
        }
        return nil
    }
}
