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
