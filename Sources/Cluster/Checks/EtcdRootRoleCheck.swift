import Diagnostics

/// `cluster.etcd.root-role`: on an existing etcd with TLS, deploy.sh makes
/// the cluster an etcd role named after its key prefix (EtcdAccess) and
/// grants it to the cluster's etcd users alone. etcd's role `root` is not
/// one it can make: etcd has it already, with every permission, so a
/// patroni cluster named `root` under the namespace `/` (prefix `/root/`)
/// would give its nodes every cluster's keys instead of confining them.
struct EtcdRootRoleCheck: DefinitionCheck {
    let rule = "cluster.etcd.root-role"

    func diagnostics(for loaded: LoadedDefinition) -> [Diagnostic] {
        guard let access = loaded.definition.etcdAccess, access.role == "root" else { return [] }
        let map = loaded.sourceMap
        let path = map.values["patroni.namespace"] != nil ? "patroni.namespace" : "cluster"
        return [error("this cluster's role in the existing etcd would be 'root', etcd's own role with every "
                          + "permission, so its nodes could read and write every other cluster's keys; give the "
                          + "cluster another name or a patroni.namespace other than '/'",
                      at: map.location(of: path))]
    }
}
