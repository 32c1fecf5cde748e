import Foundation
import Cluster
import Testing

/// A bad definition and exactly the diagnostics it must give (`line:col
/// severity rule`), in output order.
struct BadDefinition: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var expected: [String]
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ expected: [String]) {
        self.name = name
        self.text = text
        self.expected = expected
    }
}

let badDefinitions: [BadDefinition] = [
    // MARK: Loading
    .init("malformed flow list", "cluster: [a\nstack: patroni\n", ["2:6 error cluster.yaml.syntax"]),
    .init("tab indentation", validHead + "etcd:\n\ttoken: x\n", ["11:1 error cluster.yaml.syntax"]),
    .init("list where a string belongs", validHead.replacingFirst("cluster: c", "cluster: [a, b]"),
          ["1:10 error cluster.yaml.type"]),
    .init("word where a port belongs", validHead + "etcd:\n  client_port: abc\n", ["11:16 error cluster.yaml.type"]),
    .init("quoted port", validHead + "haproxy:\n  port: \"5000\"\n", ["11:9 error cluster.yaml.type"]),
    .init("port out of Int range", validHead + "postgres:\n  port: 99999999999999999999999\n",
          ["11:9 error cluster.yaml.type"]),
    .init("nodes not a list", "cluster: c\nstack: patroni\nnodes: node1\n", ["3:8 error cluster.yaml.type"]),
    .init("section not a mapping", validHead + "etcd: 2379\n", ["10:7 error cluster.yaml.type"]),
    .init("unknown nested key", validHead + "etcd:\n  clientPort: 2379\n", ["11:3 error cluster.yaml.unknown-key"]),
    // The typo hides no other problem: the fourth member still makes an
    // even etcd cluster.
    .init("unknown key in a node", validHead + "  - name: node4\n    adress: 10.0.0.4\n",
          ["4:3 warning cluster.etcd.member-count", "11:5 error cluster.yaml.unknown-key"]),
    .init("a typo hides no other error",
          "cluster: c\nstack: patroni\nnodes:\n  - name: 1node\n    adress: 10.0.0.1\n"
              + "  - name: node2\n    address: 10.0.0.2\n  - name: node3\n    address: 10.0.0.3\n"
              + "etcd:\n  client_port: 70000\n",
          ["4:11 error cluster.node.name", "5:5 error cluster.yaml.unknown-key",
           "11:16 error cluster.port.range"]),
    .init("misspelt required key", validHead.replacingFirst("cluster: c", "clustr: c"),
          ["1:1 error cluster.yaml.unknown-key"]),
    .init("duplicate top-level key", validHead + "cluster: d\n", ["10:1 error cluster.yaml.duplicate-key"]),
    .init("duplicate nested key", validHead + "etcd:\n  token: a\n  token: b\n", ["12:3 error cluster.yaml.duplicate-key"]),
    // (One node is one etcd member, which survives no failure: a warning.)
    .init("missing stack", "cluster: c\nnodes:\n  - name: node1\n    address: 10.0.0.1\n",
          ["1:1 error cluster.yaml.missing-key", "3:3 warning cluster.etcd.member-count"]),
    .init("missing node address", "cluster: c\nstack: patroni\nnodes:\n  - name: node1\n",
          ["4:3 warning cluster.etcd.member-count", "4:5 error cluster.yaml.missing-key"]),
    .init("empty document", "# nothing here\n", ["1:1 error cluster.yaml.missing-key"]),
    .init("unknown stack", validHead.replacingFirst("stack: patroni", "stack: patroini"), ["2:8 error cluster.yaml.type"]),
    .init("user without uid", validHead + "users:\n  etcd:\n    name: etcd\n", ["12:5 error cluster.yaml.missing-key"]),
    .init("unsupported tag", validHead + "etcd:\n  token: !secret abc\n", ["11:10 error cluster.yaml.tag"]),
    .init("two documents", validHead + "---\ncluster: d\n", ["10:1 error cluster.yaml.syntax"]),
    .init("alias to nothing", validHead + "etcd:\n  token: *nowhere\n", ["11:10 error cluster.yaml.syntax"]),

    // MARK: Nodes
    .init("node name starts with a digit", validHead.replacingFirst("name: node1", "name: 1node"),
          ["4:11 error cluster.node.name"]),
    .init("node name with a dot", validHead.replacingFirst("name: node2", "name: node.2"),
          ["6:15 error cluster.node.name"]),
    .init("duplicate node name", validHead.replacingFirst("name: node3", "name: node1"),
          ["8:11 error cluster.node.duplicate-name"]),
    .init("address is not an IP", validHead.replacingFirst("10.0.0.2", "10.0.0.300"), ["7:14 error cluster.node.address"]),
    .init("address is a host name", validHead.replacingFirst("10.0.0.2", "node2.example.com"),
          ["7:14 error cluster.node.address"]),
    .init("duplicate IPv6 address in two spellings",
          validHead.replacingFirst("10.0.0.1", "fd00::1").replacingFirst("10.0.0.3", "fd00:0::1"),
          ["9:14 error cluster.node.duplicate-address"]),
    .init("wildcard node address", validHead.replacingFirst("10.0.0.3", "0.0.0.0"), ["9:14 error cluster.node.address"]),
    .init("keeper id with upper case (stolon)", stolonHead.replacingFirst("address: 10.0.0.2", "address: 10.0.0.2\n    keeper_id: Keeper1"),
          ["2:8 warning cluster.tribblix.package", "8:16 error cluster.stolon.keeper-id"]),
    .init("duplicate keeper id (stolon)", stolonHead.replacingFirst("address: 10.0.0.3", "address: 10.0.0.3\n    keeper_id: postgres0"),
          ["2:8 warning cluster.tribblix.package", "10:16 error cluster.stolon.keeper-id"]),

    // MARK: etcd members
    .init("even number of members", "cluster: c\nstack: patroni\nnodes:\n  - name: a\n    address: 10.0.0.1\n  - name: b\n    address: 10.0.0.2\n",
          ["4:3 warning cluster.etcd.member-count"]),
    .init("no members", "cluster: c\nstack: patroni\nnodes: []\n", ["3:8 error cluster.etcd.member-count"]),
    .init("etcd_state neither new nor existing",
          validHead.replacingFirst("address: 10.0.0.3", "address: 10.0.0.3\n    etcd_state: joining"),
          ["10:17 error cluster.etcd.state"]),
    .init("every member existing: nobody bootstraps",
          validHead.replacingFirst("address: 10.0.0.1", "address: 10.0.0.1\n    etcd_state: existing")
              .replacingFirst("address: 10.0.0.2", "address: 10.0.0.2\n    etcd_state: existing")
              .replacingFirst("address: 10.0.0.3", "address: 10.0.0.3\n    etcd_state: existing"),
          ["6:17 error cluster.etcd.state"]),
    .init("two members added to a running three (passes)",
          validHead + "  - name: node4\n    address: 10.0.0.4\n    etcd_state: existing\n"
              + "  - name: node5\n    address: 10.0.0.5\n    etcd_state: existing\n",
          []),
    .init("one member", "cluster: c\nstack: patroni\nnodes:\n  - name: a\n    address: 10.0.0.1\n",
          ["4:3 warning cluster.etcd.member-count"]),
    .init("a role of the other stack", validHead.replacingFirst("address: 10.0.0.3", "address: 10.0.0.3\n    roles: [etcd, sentinel]"),
          ["10:19 error cluster.node.roles"]),

    // MARK: Sizes
    .init("a token longer than SMF keeps", validHead + "etcd:\n  token: " + String(repeating: "t", count: 4_096) + "\n",
          ["11:10 error cluster.value.size"]),

    // MARK: Ports
    .init("port zero", validHead + "etcd:\n  peer_port: 0\n", ["11:14 error cluster.port.range"]),
    .init("port above 65535", validHead + "haproxy:\n  stats_port: 70000\n", ["11:15 error cluster.port.range"]),
    .init("haproxy on postgres' port", validHead + "haproxy:\n  port: 5432\n", ["11:9 error cluster.port.conflict"]),
    .init("etcd client and peer on one port", validHead + "etcd:\n  client_port: 2380\n  peer_port: 2380\n",
          ["12:14 error cluster.port.conflict"]),
    .init("stolon proxy on postgres' port", stolonHead + "stolon:\n  proxy_port: 5432\n",
          ["2:8 warning cluster.tribblix.package", "11:15 error cluster.port.conflict"]),
    .init("wildcard haproxy bind overlaps the node", validHead + "haproxy:\n  bind_address: 0.0.0.0\n  stats_port: 8008\n",
          ["11:17 warning cluster.tls.address-coverage", "12:15 error cluster.port.conflict"]),

    // MARK: Unsafe characters
    .init("apostrophe in the cluster name", validHead.replacingFirst("cluster: c", "cluster: o'brien"),
          ["1:11 error cluster.value.unsafe-character"]),
    .init("dollar in a quoted path", validHead + "paths:\n  data: \"/var/$HOME\"\n",
          ["11:15 error cluster.value.unsafe-character"]),
    .init("space in a token", validHead + "etcd:\n  token: pg cluster\n", ["11:12 error cluster.value.unsafe-character"]),
    .init("newline in a block scalar", validHead + "etcd:\n  token: |\n    two\n    lines\n",
          ["11:10 error cluster.value.unsafe-character"]),
    .init("escaped tab in a double-quoted user", validHead + "postgres:\n  superuser: \"pg\\tadmin\"\n",
          ["11:14 error cluster.value.unsafe-character"]),
    .init("percent in a secret path", validHead + "secrets:\n  superuser_password: /etc/%{pw}\n",
          ["11:28 error cluster.value.unsafe-character"]),
    .init("right-to-left override in a user name", validHead + "users:\n  etcd:\n    name: et\u{202E}cd\n    uid: 5000\n",
          ["12:13 error cluster.value.unsafe-character"]),

    // MARK: Packaging
    .init("package name too long", validHead + "packaging:\n  package: TRIBblix-a-very-long-package-name-indeed\n",
          ["11:44 error cluster.packaging.pkg-name"]),
    .init("underscore in a package name", validHead + "packaging:\n  package: TRIBblix_pgha\n",
          ["11:20 error cluster.packaging.pkg-name"]),
    .init("reserved package name", validHead + "packaging:\n  package: all\n", ["11:12 error cluster.packaging.pkg-name"]),
    .init("single-number version", validHead + "packaging:\n  version: \"1\"\n", ["11:12 error cluster.packaging.version"]),
    .init("version with a letter", validHead + "packaging:\n  version: 1.0.0a\n", ["11:12 error cluster.packaging.version"]),
    .init("overlay Tribblix ships", validHead + "packaging:\n  overlay: patroni\n",
          ["11:12 error cluster.packaging.overlay-taken"]),
    .init("upper-case overlay id", validHead + "packaging:\n  overlay: pgHA\n",
          ["11:14 error cluster.packaging.overlay-name"]),

    // MARK: Paths, users, timings
    .init("relative data path", validHead + "paths:\n  data: var/pgha\n", ["11:9 error cluster.path.absolute"]),
    .init("relative secret path", validHead + "secrets:\n  rewind_password: rewind.pw\n", ["11:20 error cluster.path.absolute"]),
    // Issue 11: passed check, then generate refused it (exit 2, empty --out).
    .init("'..' in the methods path", validHead + "paths:\n  methods: /opt/../../../../tmp/pwned\n",
          ["11:17 error cluster.path.shape"]),
    .init("trailing slash in the data path", validHead + "paths:\n  data: /var/pgha/\n", ["11:18 error cluster.path.shape"]),
    .init("a component longer than a file name", validHead + "paths:\n  config: /etc/\(String(repeating: "c", count: 256))\n",
          ["11:16 error cluster.path.shape"]),
    .init("overlay id longer than a file name", validHead + "packaging:\n  overlay: \(String(repeating: "o", count: 227))\n",
          ["11:238 error cluster.packaging.overlay-name"]),
    .init("root uid", validHead + "users:\n  postgres:\n    name: pguser\n    uid: 0\n", ["13:10 error cluster.user.id"]),
    .init("upper-case user name", validHead + "users:\n  haproxy:\n    name: HAProxy\n    uid: 5000\n",
          ["12:11 error cluster.user.name"]),
    .init("haproxy bind address not an IP", validHead + "haproxy:\n  bind_address: localhost\n",
          ["11:17 error cluster.haproxy.bind-address"]),
    .init("postgres version before 10", validHead + "postgres:\n  version: 9\n", ["11:12 error cluster.postgres.version"]),
    .init("zero fall", validHead + "haproxy:\n  fall: 0\n", ["11:9 error cluster.value.positive"]),
    .init("haproxy section under stolon", stolonHead + "haproxy:\n  port: 6432\n",
          ["2:8 warning cluster.tribblix.package", "10:1 warning cluster.stack.ignored"]),
    .init("keeper id under patroni", validHead.replacingFirst("address: 10.0.0.2", "address: 10.0.0.2\n    keeper_id: k1"),
          ["8:5 warning cluster.stack.ignored"]),
    .init("postgres section and a secret under stack: etcd",
          validHead.replacingFirst("stack: patroni", "stack: etcd") + "postgres:\n  port: 5433\nsecrets:\n"
              + "  superuser_password: /etc/pgha/secrets/su\n",
          ["10:1 warning cluster.stack.ignored", "12:1 warning cluster.stack.ignored"]),
    .init("storage under stack: etcd",
          validHead.replacingFirst("stack: patroni", "stack: etcd") + "storage:\n  dataset: tank/pg\n",
          ["10:1 warning cluster.stack.ignored"]),
    .init("keeper id under stack: etcd",
          validHead.replacingFirst("stack: patroni", "stack: etcd")
              .replacingFirst("address: 10.0.0.2", "address: 10.0.0.2\n    keeper_id: k1"),
          ["8:5 warning cluster.stack.ignored"]),
    .init("PostgreSQL version Tribblix has no overlay for", validHead + "postgres:\n  version: 16\n",
          ["11:12 warning cluster.tribblix.overlay"]),
    .init("haproxy time without a known unit", validHead + "haproxy:\n  timeout_server: 30min\n",
          ["11:19 error cluster.value.duration"]),
    .init("patroni timings beyond ttl", validHead + "patroni:\n  ttl: 20\n  retry_timeout: 10\n",
          ["12:18 warning cluster.patroni.timing"]),
    .init("etcd election under 5 heartbeats", validHead + "etcd:\n  heartbeat_interval: 300\n  election_timeout: 1000\n",
          ["12:21 error cluster.etcd.timing"]),
    .init("etcd election beyond 50 s", validHead + "etcd:\n  election_timeout: 60000\n", ["11:21 error cluster.etcd.timing"]),
    .init("haproxy session choice unknown", validHead + "haproxy:\n  on_marked_down: drain\n",
          ["11:19 error cluster.haproxy.timing"]),
    .init("haproxy slower than patroni's promotion", validHead + "haproxy:\n  check_interval: 5\n  fall: 2\n",
          ["12:9 warning cluster.haproxy.timing"]),
    .init("strict synchronous mode with 2 nodes",
          "cluster: c\nstack: patroni\nnodes:\n  - name: a\n    address: 10.0.0.1\n  - name: b\n    address: 10.0.0.2\n"
              + "patroni:\n  synchronous_mode_strict: true\n",
          ["4:3 warning cluster.etcd.member-count", "9:28 warning cluster.patroni.synchronous"]),
    .init("strict without synchronous mode", validHead + "patroni:\n  synchronous_mode: false\n  synchronous_mode_strict: true\n",
          ["12:28 warning cluster.patroni.synchronous"]),

    // MARK: Storage and Tribblix packages (issue 19)
    .init("stolon, whose package Tribblix removed", stolonHead, ["2:8 warning cluster.tribblix.package"]),
    .init("data on the pool's path, in the zone root", validHead + "paths:\n  data: /tank/pg\n",
          ["11:9 warning cluster.storage.zone-root"]),
    .init("PostgreSQL's data placed, in the zone root", validHead + "paths:\n  postgres_data: /pgdata\n",
          ["11:18 warning cluster.storage.zone-root"]),
    .init("data placed on a dataset", validHead + "paths:\n  data: /tank/pg\nstorage:\n  dataset: tank/pgha\n", []),
    .init("dataset written as a mount point", validHead + "storage:\n  dataset: /tank/pgha\n",
          ["11:12 error cluster.storage.value"]),
    .init("bare pool as the dataset", validHead + "storage:\n  dataset: tank\n", ["11:12 error cluster.storage.value"]),
    .init("dataset with a character ZFS refuses", validHead + "storage:\n  dataset: tank/pg+data\n", ["11:12 error cluster.storage.value"]),
    .init("attachment zonecfg has no word for", validHead + "storage:\n  dataset: tank/pgha\n  attach: delegated\n",
          ["12:11 error cluster.storage.value"]),
    .init("recordsize not a power of two", validHead + "storage:\n  dataset: tank/pgha\n  recordsize: 24k\n",
          ["12:15 error cluster.storage.value"]),
    .init("recordsize beyond 1M", validHead + "storage:\n  dataset: tank/pgha\n  recordsize: 2M\n",
          ["12:15 error cluster.storage.value"]),
    .init("logbias ZFS does not know", validHead + "storage:\n  dataset: tank/pgha\n  logbias: fast\n",
          ["12:12 error cluster.storage.value"]),
    .init("dataset properties without a dataset", validHead + "storage:\n  recordsize: 8k\n",
          ["11:3 warning cluster.storage.value"]),
    .init("compression illumos does not have", validHead + "storage:\n  dataset: tank/pgha\n  compression: lz5\n",
          ["12:16 error cluster.storage.value"]),

    // MARK: Plain streaming replication (issue 14)
    .init("replication with its primary named", replicationHead + "replication:\n  primary: node2\n", []),
    .init("replication without a primary", replicationHead, ["2:8 error cluster.replication.primary"]),
    .init("replication with two primaries", replicationHead + "replication:\n  primary: node1 node2\n",
          ["11:12 error cluster.replication.primary", "11:17 error cluster.value.unsafe-character"]),
    .init("replication primary that is not a node", replicationHead + "replication:\n  primary: nod1\n",
          ["11:12 error cluster.replication.primary"]),
    .init("replication primary as a list", replicationHead + "replication:\n  primary: [node1, node2]\n",
          ["2:8 error cluster.replication.primary", "11:12 error cluster.yaml.type"]),
    .init("etcd settings under replication", replicationHead + "replication:\n  primary: node1\netcd:\n  token: t\n",
          ["12:1 warning cluster.stack.ignored"]),
    .init("a replication node with the etcd role", replicationHead.replacingFirst("    address: 10.0.0.3\n",
                                                                                   "    address: 10.0.0.3\n    roles: [etcd]\n")
            + "replication:\n  primary: node1\n", ["10:13 error cluster.node.roles"]),
    .init("replication settings under patroni", validHead + "replication:\n  synchronous: true\n",
          ["10:1 warning cluster.stack.ignored"]),

    // MARK: TLS (issue 13)
    .init("tls off for a lab", validHead + "tls:\n  enabled: false\n", ["11:12 warning cluster.tls.disabled"]),
    .init("quoted tls flag", validHead + "tls:\n  enabled: \"false\"\n", ["11:12 error cluster.yaml.type"]),
    .init("yes for true", validHead + "tls:\n  enabled: yes\n", ["11:12 error cluster.yaml.type"]),
    .init("key type openssl's script cannot make", validHead + "tls:\n  key_type: rsa-2048\n",
          ["11:13 error cluster.tls.key-type"]),
    .init("validity inside the renewal window", validHead + "tls:\n  validity_days: 30\n",
          ["11:18 error cluster.tls.validity"]),
    .init("renewal window beyond the validity", validHead + "tls:\n  renew_days: 900\n",
          ["11:15 error cluster.tls.validity"]),
    .init("extra name neither address nor DNS name", validHead + "tls:\n  extra_sans: [db.example.com, bad_name]\n",
          ["11:32 error cluster.tls.subject-name"]),
    .init("extra names not a list", validHead + "tls:\n  extra_sans: 127.0.0.1\n", ["11:15 error cluster.yaml.type"]),
    .init("loopback nodes without 127.0.0.1 in their certificates", validHead.replacingFirst("10.0.0.1", "127.0.0.11"),
          ["5:14 error cluster.tls.address-coverage"]),
    .init("haproxy on every address, certificates on the nodes'", validHead + "haproxy:\n  bind_address: 0.0.0.0\n",
          ["11:17 warning cluster.tls.address-coverage"]),
    .init("clients from everywhere", validHead + "postgres:\n  client_network: 0.0.0.0/0\n",
          ["11:19 warning cluster.postgres.client-network"]),
    .init("IPv6 clients from everywhere", validHead + "postgres:\n  client_network: \"::/0\"\n",
          ["11:19 warning cluster.postgres.client-network"]),
    // MARK: Hosts and placement
    .init("two hosts with one name", hostsHead.replacingFirst("  - name: gamma\n", "  - name: gamma\n  - name: beta\n"),
          ["7:11 error cluster.host.name"]),
    .init("an empty ssh destination", hostsHead.replacingFirst("  - name: beta\n", "  - name: beta\n    ssh: \"\"\n"),
          ["6:10 error cluster.host.ssh"]),
    .init("an ssh destination ssh reads as an option",
          hostsHead.replacingFirst("  - name: beta\n", "  - name: beta\n    ssh: -oProxyCommand=/tmp/x\n"),
          ["6:10 error cluster.host.ssh"]),
    .init("a host name that cannot name a script", hostsHead.replacingOccurrences(of: "beta", with: "2beta"),
          ["5:11 error cluster.host.name"]),
    .init("a node on a host the list lacks", hostsHead.replacingFirst("host: gamma", "host: gama"),
          ["6:11 warning cluster.node.host", "16:11 error cluster.node.host"]),
    .init("a node without a host among hosts", hostsHead.replacingFirst("    host: gamma\n", ""),
          ["6:11 warning cluster.node.host", "14:5 error cluster.node.host"]),
    .init("a host without a hosts list", validHead.replacingFirst("address: 10.0.0.1", "address: 10.0.0.1\n    host: alpha"),
          ["6:11 error cluster.node.host"]),
    .init("two of three etcd members on one host", hostsHead.replacingFirst("host: beta", "host: alpha"),
          ["4:11 error cluster.placement.host-failure", "5:11 warning cluster.node.host"]),
    .init("every node on one host", hostsHead.replacingOccurrences(of: "host: beta", with: "host: alpha")
              .replacingOccurrences(of: "host: gamma", with: "host: alpha")
              .replacingFirst("  - name: beta\n  - name: gamma\n", ""),
          ["4:11 warning cluster.placement.host-failure"]),
    // MARK: An existing etcd
    .init("http endpoint while the cluster uses TLS", validHead + "etcd:\n  endpoints: [http://10.1.0.1:2379]\n  ca_dir: /var/ca\n",
          ["11:15 error cluster.etcd.endpoints"]),
    .init("endpoints on two ports", validHead + "tls:\n  enabled: false\netcd:\n  endpoints: [http://10.1.0.1:2379, \"http://[fd00::1]:2380\"]\n",
          ["11:12 warning cluster.tls.disabled", "13:37 error cluster.etcd.endpoints"]),
    .init("endpoints with TLS but no CA", validHead + "etcd:\n  endpoints: [https://10.1.0.1:2379]\n",
          ["11:14 error cluster.etcd.endpoints"]),
    .init("etcd.ca_dir without etcd.endpoints", validHead + "etcd:\n  ca_dir: /var/ca\n",
          ["11:3 warning cluster.stack.ignored"]),
    .init("an own-etcd setting with an existing etcd",
          validHead + "etcd:\n  token: t\n  endpoints: [https://10.1.0.1:2379]\n  ca_dir: /var/ca\n",
          ["11:3 warning cluster.stack.ignored"]),
    .init("an etcd definition that does not exist", validHead + "etcd:\n  definition: nowhere.yaml\n",
          ["11:15 error cluster.etcd.definition"]),
    .init("an etcd member while the etcd is another's",
          validHead.replacingFirst("address: 10.0.0.3\n", "address: 10.0.0.3\n    roles: [etcd, postgres]\n")
              + "etcd:\n  endpoints: [https://10.1.0.1:2379]\n  ca_dir: /var/ca\n",
          ["10:13 error cluster.node.roles"]),
    .init("the etcd's CA directory as the cluster's, another key type",
          validHead + "etcd:\n  definition: \(Fixtures.path("Examples/shared-etcd/etcd.yaml"))\n"
              + "tls:\n  ca_dir: /var/opt/smfkit/store/ca\n  key_type: rsa-3072\n",
          ["13:11 error cluster.tls.ca-dir-shared"]),
    .init("a cluster whose role in the shared etcd would be root",
          validHead.replacingFirst("cluster: c", "cluster: root")
              + "patroni:\n  namespace: /\netcd:\n  endpoints: [https://10.1.0.1:2379]\n  ca_dir: /var/ca\n",
          ["11:14 error cluster.etcd.root-role"]),
    .init("a cluster named root under patroni's own namespace (passes)",
          validHead.replacingFirst("cluster: c", "cluster: root")
              + "etcd:\n  endpoints: [https://10.1.0.1:2379]\n  ca_dir: /var/ca\n",
          []),
    .init("client network without a prefix", validHead + "postgres:\n  client_network: 10.0.0.0\n",
          ["11:19 error cluster.postgres.client-network"]),
]

@Suite struct BadDefinitionTests {
    @Test(arguments: badDefinitions)
    func givesExactlyTheExpectedDiagnostics(_ bad: BadDefinition) {
        #expect(diagnose(bad.text) == bad.expected)
    }

    @Test func theTableIsLargeAndCoversEveryCheck() {
        #expect(badDefinitions.count >= 30)
        let firing = Set(badDefinitions.flatMap { $0.expected.map { String($0.split(separator: " ")[2]) } })
        for rule in DefinitionChecks.rules {
            #expect(firing.contains(rule), "no bad definition fires \(rule)")
        }
    }

    @Test func everyProblemOfAFileIsReportedAtOnce() {
        let text = validHead.replacingFirst("name: node1", "name: 1node")
            + "etcd:\n  clientPort: 2379\n  peer_port: 0\nhaproxy:\n  port: abc\npaths:\n  data: rel\n"
        #expect(diagnose(text) == [
            "4:11 error cluster.node.name",
            "11:3 error cluster.yaml.unknown-key",
            "12:14 error cluster.port.range",
            "14:9 error cluster.yaml.type",
            "16:9 error cluster.path.absolute",
        ])
    }
}

extension String {
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
