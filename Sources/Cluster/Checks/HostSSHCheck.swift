import Diagnostics

/// `cluster.host.ssh`: what deploy-hosts.sh and failover.sh give ssh to
/// reach a host must be a destination: not empty (ssh would have no host to
/// reach), and not starting with '-' — the scripts pass it after `--`, but a
/// destination ssh would otherwise read as an option (`-oProxyCommand=…`
/// runs a command) is a mistake wherever it is written.
struct HostSSHCheck: DefinitionCheck {
    let rule = "cluster.host.ssh"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let map = loaded.sourceMap
        var found: [Diagnostic] = []
        for (index, host) in loaded.definition.hosts.enumerated() {
            let path = "hosts[\(index)].ssh"
            // Derived from the name when not written; the name has its own rule.
            guard map.values[path] != nil else { continue }
            if host.ssh.isEmpty {
                found.append(error(
                    "host \(display(host.name)) has an empty ssh destination; write what ssh reaches its global zone "
                        + "at as root (root@10.0.0.1, or a Host of your ssh configuration), or leave ssh out to use "
                        + "the host's name",
                    at: map.location(of: path)))
            } else if host.ssh.hasPrefix("-") {
                found.append(error(
                    "host \(display(host.name)) has the ssh destination \(display(host.ssh)), which ssh would read as "
                        + "an option; write a destination (root@10.0.0.1, or a Host of your ssh configuration)",
                    at: map.location(of: path)))
            }
        }
        return found
    }
}
