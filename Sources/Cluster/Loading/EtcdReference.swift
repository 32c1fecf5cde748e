import Foundation

/// Resolves `etcd.endpoints` and `etcd.definition` into the definition's
/// `ExternalEtcd`, reading the referenced `stack: etcd` definition from
/// disk. What is wrong with them is kept as problems at their keys, which
/// `cluster.etcd.endpoints` and `cluster.etcd.definition` report: the
/// loader finds, the checks say.
enum EtcdReference {
    /// `file` is the definition's own path: a relative `etcd.definition` is
    /// relative to its directory. `resolvingReferences` is false for the
    /// referenced definition itself, so a loop of references ends.
    static func resolve(_ definition: inout ClusterDefinition, file: String, resolvingReferences: Bool) {
        let endpoints = definition.settings["etcd.endpoints"].flatMap { value -> [String]? in
            if case .strings(let list) = value { return list }
            return nil
        } ?? []
        let reference = definition.etcd.definition
        // An empty list (the default) is no existing etcd.
        guard reference != nil || !endpoints.isEmpty else { return }
        var external = ExternalEtcd(members: [], clientPort: 0, tlsEnabled: definition.tlsEnabled)
        defer { definition.externalEtcd = external }
        if definition.stack == .etcd {
            let key = reference != nil ? "etcd.definition" : "etcd.endpoints"
            external.problems.append(.init(
                path: key, message: "a stack: etcd definition is the etcd cluster; \(key) is for a PostgreSQL "
                    + "cluster that uses an existing one (remove it)"))
            return
        }
        if let reference {
            if !endpoints.isEmpty {
                external.problems.append(.init(
                    path: "etcd.definition", message: "etcd.endpoints and etcd.definition both name an existing etcd; "
                        + "keep one (etcd.definition reads the members and TLS settings from that definition)"))
                return
            }
            guard resolvingReferences else { return }
            resolveDefinition(reference, from: file, into: &external, tlsEnabled: definition.tlsEnabled)
        } else {
            parse(endpoints, into: &external, definition: definition)
        }
    }

    /// The members, client port and CA of a `stack: etcd` definition.
    private static func resolveDefinition(_ reference: String, from file: String, into external: inout ExternalEtcd,
                                          tlsEnabled: Bool) {
        // Not NSString's path methods: Foundation on Linux traps on a
        // one-character path.
        let directory = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        let path = reference.hasPrefix("/") ? reference : directory + reference
        external.definitionFile = path
        func problem(_ message: String) {
            external.problems.append(.init(path: "etcd.definition", message: message))
        }
        let read = ReferencedDefinitions.shared.read(path)
        if let reason = read.unreadable {
            problem("cannot read the etcd definition '\(reference)' (\(path)): \(reason); "
                    + "give the path of a stack: etcd definition, relative to this file")
            return
        }
        guard let referenced = read.definition else {
            problem("the etcd definition '\(reference)' cannot be loaded; run 'smfkit check \(path)' and fix it first")
            return
        }
        guard referenced.stack == .etcd else {
            problem("'\(reference)' is a stack: \(referenced.stack.rawValue) definition; etcd.definition must name "
                    + "a stack: etcd definition (the etcd cluster alone, as Examples/etcd.yaml)")
            return
        }
        let errors = read.errors
        guard errors == 0 else {
            problem("the etcd definition '\(reference)' has \(errors) error\(errors == 1 ? "" : "s"); "
                    + "run 'smfkit check \(path)' and fix it first")
            return
        }
        guard referenced.tlsEnabled == tlsEnabled else {
            problem("the etcd cluster of '\(reference)' has tls.enabled: \(referenced.tlsEnabled) and this cluster "
                    + "\(tlsEnabled); patroni and stolon reach etcd over https exactly when the cluster uses TLS, "
                    + "so set the same tls.enabled in both")
            return
        }
        external.members = referenced.etcdMembers.map { .init(name: $0.name, address: $0.address) }
        external.clientPort = referenced.etcd.clientPort
        external.caDirectory = referenced.tlsEnabled ? referenced.tlsCADirectory : nil
        external.keyType = referenced.tlsKeyType
    }

    /// `scheme://address:port` URLs: the scheme is https exactly when the
    /// cluster uses TLS, the address an IP literal (IPv6 in brackets), and
    /// one port for all (patroni's and stolon's services take addresses and
    /// one port). With TLS, `etcd.ca_dir` names the CA etcd trusts.
    private static func parse(_ endpoints: [String], into external: inout ExternalEtcd, definition: ClusterDefinition) {
        let scheme = definition.tlsEnabled ? "https" : "http"
        func problem(_ index: Int?, _ message: String) {
            external.problems.append(.init(path: index.map { "etcd.endpoints[\($0)]" } ?? "etcd.endpoints",
                                           message: message))
        }
        var ports: [Int] = []
        for (index, url) in endpoints.enumerated() {
            guard let parsed = parseURL(url) else {
                problem(index, "'\(url)' is not an etcd client URL; write \(scheme)://ADDRESS:PORT with an IP address "
                        + "(IPv6 in brackets: \(scheme)://[fd00::1]:2379)")
                continue
            }
            if parsed.scheme != scheme {
                problem(index, "'\(url)' uses \(parsed.scheme), but the cluster \(definition.tlsEnabled ? "uses" : "does not use") "
                        + "TLS, so patroni and stolon reach etcd over \(scheme); write \(scheme)://")
                continue
            }
            if let first = ports.first, parsed.port != first {
                problem(index, "'\(url)' has port \(parsed.port) and the first endpoint \(first); patroni and stolon "
                        + "take the members' addresses and one client port, so give every member the same port")
                continue
            }
            ports.append(parsed.port)
            external.members.append(.init(name: parsed.address, address: parsed.address))
        }
        external.clientPort = ports.first ?? 0
        if definition.tlsEnabled {
            external.caDirectory = definition.etcd.caDirectory
            if definition.etcd.caDirectory == nil {
                problem(nil, "with TLS, set etcd.ca_dir to the directory (on the deploying host) of the CA the existing "
                        + "etcd trusts, with its ca.crt and ca.key: the nodes' client certificates are issued from it, "
                        + "or etcd refuses them")
            }
        }
    }

    private static func parseURL(_ url: String) -> (scheme: String, address: String, port: Int)? {
        guard let separator = url.range(of: "://") else { return nil }
        let scheme = String(url[..<separator.lowerBound])
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[separator.upperBound...]
        guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]),
              (1...65535).contains(port) else { return nil }
        var host = String(rest[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
            guard IPAddress(host)?.family == .v6 else { return nil }
        } else {
            guard IPAddress(host)?.family == .v4 else { return nil }
        }
        return (scheme, host, port)
    }
}

/// Referenced definitions already read and checked, by path, size and
/// modification time: a hundred clusters on one etcd (`smfkit check
/// etcd.yaml a.yaml …`) read and check its definition once, and a file
/// changed since is read again.
private final class ReferencedDefinitions: @unchecked Sendable {
    struct Read {
        var definition: ClusterDefinition?
        var errors = 0
        var unreadable: String?
    }

    static let shared = ReferencedDefinitions()
    private let lock = NSLock()
    private var reads: [String: Read] = [:]

    func read(_ path: String) -> Read {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let stamp = "\(path)\u{0}\((attributes?[.size] as? NSNumber)?.intValue ?? -1)\u{0}"
            + "\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)"
        if let known = lock.withLock({ reads[stamp] }) { return known }
        var read = Read()
        do {
            let load = try DefinitionLoader.load(path: path, resolvingReferences: false)
            read.definition = load.loaded?.definition
            if load.loaded != nil {
                read.errors = DefinitionChecker.check(load).diagnostics.filter { $0.severity == .error }.count
            }
        } catch {
            read.unreadable = error.reason
        }
        lock.withLock { reads[stamp] = read }
        return read
    }
}
