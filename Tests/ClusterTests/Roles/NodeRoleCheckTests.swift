import Testing
import Cluster

/// The placement checks of roles: fixtures that pass and fail each rule,
/// with the positions and reasons the messages give.
@Suite struct NodeRoleCheckTests {
    /// Three etcd members (node1–3), PostgreSQL on node1, node2 and node4.
    static let split = """
        cluster: c
        stack: patroni
        nodes:
          - name: node1
            address: 10.0.0.1
          - name: node2
            address: 10.0.0.2
          - name: node3
            address: 10.0.0.3
            roles: [etcd]
          - name: node4
            address: 10.0.0.4
            roles: [postgres, haproxy]

        """

    /// `count` nodes, the first `members` of them etcd members only, the rest PostgreSQL and proxy.
    static func nodes(_ count: Int, members: Int) -> String {
        var text = "cluster: c\nstack: patroni\nnodes:\n"
        for index in 0..<count {
            text += "  - name: n\(index)\n    address: 10.0.\(index / 250).\(index % 250 + 1)\n"
            text += index < members ? "    roles: [etcd]\n" : "    roles: [postgres, proxy]\n"
        }
        return text
    }

    @Test func splitRolesPass() {
        #expect(diagnose(Self.split) == [])
    }

    @Test func aRoleOfAnotherStackIsRefusedWhereItIsWritten() {
        let text = Self.split.replacingFirst("roles: [etcd]", "roles: [etcd, sentinel]")
        #expect(diagnose(text) == ["10:19 error cluster.node.roles"])
        #expect(diagnostics(text).first?.message.contains("not one of stack: patroni's") == true)
    }

    @Test func aRoleListedTwiceIsRefused() {
        #expect(diagnose(Self.split.replacingFirst("roles: [etcd]", "roles: [etcd, etcd]")) == ["10:19 error cluster.node.roles"])
        // `haproxy` is the proxy role by another name.
        #expect(diagnose(Self.split.replacingFirst("[postgres, haproxy]", "[postgres, haproxy, proxy]"))
                    == ["13:32 error cluster.node.roles"])
    }

    @Test func anEmptyListAndAnUnknownRoleAreRefused() {
        // node3 leaves the etcd cluster too, which is then 2 members: a warning.
        #expect(diagnose(Self.split.replacingFirst("roles: [etcd]", "roles: []"))
                    == ["4:3 warning cluster.etcd.member-count", "10:12 error cluster.node.roles"])
        let unknown = Self.split.replacingFirst("roles: [etcd]", "roles: [etc]")
        #expect(diagnose(unknown).contains("10:13 error cluster.yaml.type"))
        #expect(diagnostics(unknown).contains { $0.message.contains("role 'etc' is not one of") && $0.message.contains("did you mean 'etcd'?") })
    }

    @Test func aClusterWithoutPostgresOrSentinelIsRefused() {
        let noPostgres = Self.split.replacingFirst("[postgres, haproxy]", "[haproxy]")
            .replacingOccurrences(of: "address: 10.0.0.1\n", with: "address: 10.0.0.1\n    roles: [etcd, proxy]\n")
            .replacingOccurrences(of: "address: 10.0.0.2\n", with: "address: 10.0.0.2\n    roles: [etcd]\n")
        #expect(diagnose(noPostgres) == ["4:3 error cluster.node.roles"])
        #expect(diagnostics(noPostgres).first?.message.contains("no node has the postgres role") == true)
        let stolon = Self.split.replacingFirst("stack: patroni", "stack: stolon")
            .replacingOccurrences(of: "address: 10.0.0.1\n", with: "address: 10.0.0.1\n    roles: [etcd, postgres, proxy]\n")
            .replacingOccurrences(of: "address: 10.0.0.2\n", with: "address: 10.0.0.2\n    roles: [etcd, postgres]\n")
        // (stolon also draws cluster.tribblix.package's warning for TRIBblix-stolon.)
        let roleFindings = diagnostics(stolon).filter { $0.rule != "cluster.tribblix.package" }
        #expect(roleFindings.map(\.rule) == ["cluster.node.roles"])
        #expect(roleFindings.first?.message.contains("no node has the sentinel role") == true)
    }

    @Test func noProxyIsAWarning() {
        let text = Self.split.replacingFirst("[postgres, haproxy]", "[postgres]")
            .replacingOccurrences(of: "address: 10.0.0.1\n", with: "address: 10.0.0.1\n    roles: [etcd, postgres]\n")
            .replacingOccurrences(of: "address: 10.0.0.2\n", with: "address: 10.0.0.2\n    roles: [etcd, postgres]\n")
        #expect(diagnose(text) == ["4:3 warning cluster.node.roles"])
    }

    @Test func etcdMembersAreCountedByRole() {
        // 3 and 5 members among many nodes: fine.
        #expect(diagnose(Self.nodes(20, members: 3)) == [])
        #expect(diagnose(Self.nodes(1_000, members: 5)) == [])
        // 1 member: a warning that says why.
        let one = diagnostics(Self.nodes(4, members: 1))
        #expect(one.map(\.rule) == ["cluster.etcd.member-count"] && one.first?.severity == .warning)
        #expect(one.first?.message.contains("survives no failure") == true)
        // 4 members: a warning.
        #expect(diagnose(Self.nodes(6, members: 4)) == ["4:3 warning cluster.etcd.member-count"])
        // 9: an error naming etcd's guidance.
        let nine = diagnostics(Self.nodes(12, members: 9))
        #expect(nine.map(\.rule) == ["cluster.etcd.member-count"] && nine.first?.severity == .error)
        #expect(nine.first?.message.contains("etcd advises at most 7") == true)
        // Every node a member by default: 9 nodes without roles are 9 members.
        #expect(diagnose(Self.nodes(9, members: 0).replacingOccurrences(of: "    roles: [postgres, proxy]\n", with: ""))
                    == ["4:3 error cluster.etcd.member-count"])
        // No member at all.
        #expect(diagnostics(Self.nodes(3, members: 0)).first?.message.contains("no node has the etcd role") == true)
    }
}
