import Diagnostics

/// `cluster.tls.ca-dir-shared`: a cluster on an existing etcd keeps its
/// own `tls.ca_dir`, apart from the etcd's CA directory (the etcd
/// definition's `tls.ca_dir`, or `etcd.ca_dir`). Its `tls/certificates.sh`
/// copies the etcd's CA into its directory and issues `NAME.key`,
/// `NAME.crt` (and `NAME.ext`) there for every node, `haproxy` (patroni),
/// `admin` and etcd's `root`; in the etcd's own directory those are the
/// etcd's files whenever the names meet. `admin` always does: the
/// cluster's names its own etcd user (`EtcdAccess`), so each script
/// re-issues it over the other's on every run; a node named like an etcd
/// member gets that member's certificate replaced by one for its own
/// address; with another `tls.key_type`, `root` is re-issued too: an error.
/// With an etcd smfkit did not define, whose files it cannot know: a
/// warning naming what the cluster would write there. Paths are compared
/// normalised (`.`, `..`, doubled and trailing `/`).
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
            let names = definition.nodes.map(\.name) + (definition.stack == .patroni ? ["haproxy"] : []) + ["admin", "root"]
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
        let user = definition.etcdAccess.map { " (\($0.certificateUser("admin")))" } ?? ""
        overwritten.append("admin")
        reasons.append("admin: this cluster's names its own etcd user\(user), so each script re-issues it over the other's")
        if let keyType = etcd.keyType, keyType != definition.tlsKeyType {
            overwritten.append("root")
            reasons.append("root: tls.key_type \(definition.tlsKeyType) here and \(keyType) there, so each script "
                           + "re-issues it over the other's")
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
