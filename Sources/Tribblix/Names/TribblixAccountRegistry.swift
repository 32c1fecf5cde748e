/// The user and group ids Tribblix has handed out to its own packages
/// (tribblix/build `User.txt`; uid = gid unless noted). A generated service
/// user must not take one of these under another name, or installing the
/// Tribblix package later gives two accounts one id.
public enum TribblixAccountRegistry {
    /// id → account name, as allocated in User.txt (deprecated entries
    /// included: their ids "should not be reused").
    public static let allocations: [Int: String] = [
        23: "chrony", 27: "postfix", 28: "postdrop", 53: "named", 92: "sshd",
        101: "rabbitmq", 102: "nginx", 103: "leofs", 111: "zabbixa", 112: "zabbixp", 113: "zabbix", 114: "zabweb",
        115: "zabbixdb", 116: "clamav", 117: "elastic", 118: "kibana", 119: "logstash", 120: "clamrest", 121: "shibd",
        123: "jack", 124: "barman", 125: "pgpool", 126: "haproxy", 127: "phpweb", 128: "activemq", 129: "zookeeper",
        130: "tengine", 131: "promnode", 132: "dnsmasq", 133: "mysql", 134: "forgejo", 135: "carbon", 136: "graphite",
        137: "unbound", 223: "ntp",
    ]

    /// account name → the package whose `passwd`/`group` fragment defines it
    /// (User.txt's third column; deprecated packages left out, since no
    /// install brings their accounts). User.txt still names haproxy's
    /// package TRIBblix-haproxy, which TRIBblix-haproxy2 replaced and whose
    /// `passwd` now carries `haproxy:x:126:126:haproxy:/opt/tribblix/haproxy:`.
    public static let owningPackages: [String: String] = [
        "chrony": "TRIBchrony", "named": "TRIBsvc-bind9", "sshd": "TRIBsvc-net-ssh",
        "rabbitmq": "TRIBblix-rabbitmq", "nginx": "TRIBblix-nginx", "zabbixa": "TRIBzabbix-agent",
        "zabbixp": "TRIBzabbix-proxy", "zabbix": "TRIBblix-zabbix", "zabweb": "TRIBblix-zabbix",
        "zabbixdb": "TRIBblix-zabbix", "clamav": "TRIBblix-clamav", "clamrest": "TRIBblix-clamav-rest",
        "barman": "TRIBpgbarman", "pgpool": "TRIBpgpool", "haproxy": "TRIBblix-haproxy2",
        "phpweb": "TRIBblix-apache-php", "activemq": "TRIBblix-activemq", "zookeeper": "TRIBblix-zookeeper",
        "promnode": "TRIBblix-promnode", "dnsmasq": "TRIBdnsmasq", "mysql": "TRIBblix-mariadb",
        "forgejo": "TRIBblix-forgejo", "carbon": "TRIBgraphite-web-python-312",
        "graphite": "TRIBgraphite-web-python-312", "unbound": "TRIBunbound",
    ]

    /// The package User.txt names where a successor now owns the account.
    public static let formerOwners: [String: String] = ["haproxy": "TRIBblix-haproxy"]

    /// The package that already defines account `name` with `id`, when it is
    /// Tribblix's own account: a package depending on that one gets the
    /// account from it and must not define it again.
    public static func owningPackage(ofAccount name: String, id: Int) -> String? {
        guard allocations[id] == name else { return nil }
        return owningPackages[name]
    }

    /// Tribblix's own ids start at 101, below is illumos'; add-service takes
    /// the last allocated id + 1.
    public static var firstUnallocatedID: Int { (allocations.keys.filter { $0 < 200 }.max() ?? 100) + 1 }

    /// Why `name` with `id` clashes with Tribblix's allocations, or nil.
    public static func clash(name: String, id: Int, what: String) -> String? {
        if let owner = allocations[id], owner != name {
            return "\(what) \(id) belongs to Tribblix's '\(owner)' account (User.txt); pick an unallocated one such as \(firstUnallocatedID) or above"
        }
        if let allocated = allocations.first(where: { $0.value == name })?.key, allocated != id {
            return "'\(name)' is Tribblix's account with \(what) \(allocated) (User.txt); use that \(what) or another name"
        }
        return nil
    }
}
