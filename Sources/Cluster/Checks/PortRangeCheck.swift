import Diagnostics

/// `cluster.port.range`: a TCP port is 1–65535.
struct PortRangeCheck: DefinitionCheck {
    let rule = "cluster.port.range"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        loaded.definition.ports.compactMap { path, port in
            guard !(1...65535).contains(port) else { return nil }
            return error("'\(path)' is \(port); a port is a number from 1 to 65535",
                         at: loaded.sourceMap.location(of: path))
        }
    }
}
