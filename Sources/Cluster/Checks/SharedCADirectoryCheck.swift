import Diagnostics

/// `cluster.tls.ca-dir-shared`: a cluster on an existing etcd keeps its
/// own `tls.ca_dir`, apart from the etcd's CA directory (the etcd
/// definition's `tls.ca_dir`, or `etcd.ca_dir`). Its `tls/certificates.sh`
/// copies the etcd's CA into its directory and issues `NAME.key`,
/// `NAME.crt` (and `NAME.ext`) there for every node, `haproxy` (patroni) and
/// `admin`; in the etcd's own directory those are the etcd's files whenever
/// the names meet. A node named like an etcd member gets that member's
/// certificate replaced by one for its own address, and with another
/// `tls.key_type` the two scripts re-issue `admin` over each other on every
/// run: an error. Sharing the directory with no file overwritten yet (one
/// `admin` certificate for both; a later node name would overwrite), or
/// with an etcd smfkit did not define, whose files it cannot know: a warning.
/// Paths are compared normalised (`.`, `..`, doubled and trailing `/`).
struct SharedCADirectoryCheck: DefinitionCheck {
    let rule = "cluster.tls.ca-dir-shared"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        let definition = loaded.definition
        guard definition.tlsEnabled, let etcd = definition.externalEtcd, etcd.problems.isEmpty,
              let etcdDirectory = etcd.caDirectory,
              Self.normalised(definition.tlsCADirectory) == Self.normalised(etcdDirectory) else { return [] }
        let reference = definition.etcd.definition
        // The key that makes the two one: the cluster's tls.ca_dir where it
        // is written, else (the default) the key naming the etcd's.
        let key = definition.tls.caDirectory != nil ? "tls.ca_dir" : (reference != nil ? "etcd.definition" : "etcd.ca_dir")
        let location = loaded.sourceMap.location(of: key)
        let ours = definition.tls.caDirectory != nil
            ? "this cluster's tls.ca_dir '\(definition.tlsCADirectory)'"
            : "this cluster's tls.ca_dir (the default '\(definition.tlsCADirectory)')"
        let remedy = "set this cluster's tls.ca_dir to a directory of its own (certificates.sh copies the etcd's "
            + "ca.crt and ca.key into it)"
        guard let reference else {
            let names = definition.nodes.map(\.name) + (definition.stack == .patroni ? ["haproxy"] : []) + ["admin"]
            return [warning(
                "\(ours) is etcd.ca_dir '\(etcdDirectory)', the existing etcd's CA directory: this cluster's "
                    + "tls/certificates.sh would issue \(Self.files(names)) there and overwrite any of the etcd's "
                    + "files of those names, which smfkit cannot know; \(remedy)",
                at: location)]
        }
        let theirs = "the tls.ca_dir of the etcd definition \(reference) ('\(etcdDirectory)')"
        let members = Set(etcd.members.map(\.name))
        var overwritten = definition.nodes.map(\.name).filter { members.contains($0) }
        var reasons = overwritten.isEmpty ? [] : ["\(overwritten.joined(separator: ", ")): a node of both"]
        if let keyType = etcd.keyType, keyType != definition.tlsKeyType {
            overwritten.append("admin")
            reasons.append("admin: tls.key_type \(definition.tlsKeyType) here and \(keyType) there, so each script "
                           + "re-issues it over the other's")
        }
        guard !overwritten.isEmpty else {
            return [warning(
                "\(ours) is \(theirs): both clusters' certificates.sh issue admin.crt and admin.key there (one "
                    + "operator certificate for both), and a node named like an etcd member would overwrite that "
                    + "member's certificate; \(remedy)",
                at: location)]
        }
        return [error(
            "\(ours) is \(theirs): this cluster's tls/certificates.sh would overwrite the etcd's own "
                + "\(Self.files(overwritten)) (\(reasons.joined(separator: "; "))); \(remedy)",
            at: location)]
    }

    /// `NAME.crt, NAME.key` for each name.
    private static func files(_ names: [String]) -> String {
        names.map { "\($0).crt, \($0).key" }.joined(separator: ", ")
    }

    /// The path with `.` and empty components dropped and `..` taken back,
    /// as the kernel resolves it (symbolic links aside: they are on the
    /// deploying host, not here).
    static func normalised(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
