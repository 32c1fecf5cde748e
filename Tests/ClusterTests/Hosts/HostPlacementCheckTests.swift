import Foundation
import Testing
import Cluster

/// The rules of hosts and placement (`cluster.host.name`,
/// `cluster.node.host`, `cluster.placement.host-failure`): a passing and a
/// failing fixture each, with the host names and reasons their messages
/// give. (BadDefinitionTests holds the positions of the same cases.)
@Suite struct HostPlacementCheckTests {
    static func message(_ text: String, _ rule: String) -> String {
        diagnostics(text).filter { $0.rule == rule }.map(\.message).joined(separator: "\n")
    }

    @Test func oneNodePerHostPasses() {
        #expect(diagnose(hostsHead) == [])
    }

    @Test func theThreeHostExampleSurvivesAnyOneHost() throws {
        let text = try String(contentsOfFile: Fixtures.path("Examples/three-host-patroni.yaml"), encoding: .utf8)
        #expect(diagnose(text) == [])
    }

    @Test func losingTheEtcdMajorityNamesTheHost() {
        let text = hostsHead.replacingFirst("host: beta", "host: alpha")
        let said = Self.message(text, "cluster.placement.host-failure")
        #expect(said.contains("losing host 'alpha' would leave 1 of etcd's 3 members (node1, node2 are on it), no majority"))
        // Two members on one of four hosts is half of four members: no majority either.
        let four = hostsHead + "  - name: node4\n    address: 10.0.0.4\n    host: beta\n"
        let evenSaid = Self.message(four, "cluster.placement.host-failure")
        #expect(evenSaid.contains("losing host 'beta' would leave 2 of etcd's 4 members"))
    }

    @Test func losingEveryPrimaryCandidateNamesTheHost() {
        // PostgreSQL on node1 alone (alpha); etcd's members spread over three hosts.
        let text = hostsHead.replacingFirst("host: beta", "host: beta\n    roles: [etcd, proxy]")
            .replacingFirst("host: gamma", "host: gamma\n    roles: [etcd]")
        #expect(diagnose(text) == ["4:11 error cluster.placement.host-failure"])
        #expect(Self.message(text, "cluster.placement.host-failure")
                    .contains("losing host 'alpha' would leave no PostgreSQL node to become the primary (node1 is on it)"))
        // A second PostgreSQL node on another host passes.
        let fixed = text.replacingFirst("roles: [etcd, proxy]", "roles: [etcd, postgres, proxy]")
        #expect(diagnose(fixed) == [])
    }

    @Test func withStolonLosingEverySentinelNamesTheHost() {
        let text = hostsHead.replacingFirst("stack: patroni", "stack: stolon")
            .replacingFirst("host: beta", "host: beta\n    roles: [etcd, postgres, proxy]")
            .replacingFirst("host: gamma", "host: gamma\n    roles: [etcd, postgres]")
        let found = diagnostics(text).filter { $0.rule == "cluster.placement.host-failure" }
        #expect(found.map(\.message) == ["losing host 'alpha' would leave no stolon sentinel to choose a new primary "
                                         + "(node1 is on it); give the sentinel role to a node on another host"])
        let fixed = text.replacingFirst("roles: [etcd, postgres]", "roles: [etcd, postgres, sentinel]")
        #expect(!diagnostics(fixed).contains { $0.rule == "cluster.placement.host-failure" })
    }

    @Test func everyNodeOnOneHostWarnsThatNoHostFailureIsSurvived() {
        let text = hostsHead.replacingOccurrences(of: "host: beta", with: "host: alpha")
            .replacingOccurrences(of: "host: gamma", with: "host: alpha")
            .replacingFirst("  - name: beta\n  - name: gamma\n", "")
        let found = diagnostics(text)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.contains("every node is on host 'alpha', so the cluster survives no host failure") == true)
    }

    /// Plain replication: no etcd, so no majority; the operator promotes a
    /// standby (failover.sh). A standby on another host than the primary
    /// is what surviving a host takes.
    @Test func replicationSurvivesAHostWithAStandbyElsewhere() throws {
        let replication = hostsHead.replacingFirst("stack: patroni", "stack: replication")
            + "replication:\n  primary: node1\n"
        #expect(diagnose(replication) == [])
        // Primary and one standby on alpha, the other standby on beta: losing either leaves a node.
        let two = replication.replacingFirst("host: beta", "host: alpha").replacingFirst("host: gamma", "host: beta")
            .replacingFirst("  - name: gamma\n", "")
        #expect(diagnose(two) == [])
        let one = two.replacingFirst("host: beta", "host: alpha").replacingFirst("  - name: beta\n", "")
        let found = diagnostics(one)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message == "every node is on host 'alpha', so the cluster survives no host failure: losing "
                    + "'alpha' loses all of it; place a standby on another host than the primary, for failover.sh to "
                    + "promote (nodes[].host)")
        let example = try String(contentsOfFile: Fixtures.path("Examples/three-host-replication.yaml"), encoding: .utf8)
        #expect(diagnose(example) == [])
    }

    @Test func twoHostsAtOneSshDestinationAreAWarning() {
        let text = hostsHead.replacingFirst("  - name: beta\n", "  - name: beta\n    ssh: alpha\n")
        #expect(diagnose(text) == ["5:11 warning cluster.placement.host-failure"])
        #expect(Self.message(text, "cluster.placement.host-failure")
                    .contains("hosts 'alpha' and 'beta' are both reached at ssh alpha: if they are one machine"))
    }

    @Test func withoutHostsNothingIsSaidAboutPlacement() {
        // The one-host walk-through: no hosts, so no claim about machines.
        #expect(diagnose(validHead) == [])
    }

    @Test func unknownHostsAreRefusedWithASuggestion() {
        let text = hostsHead.replacingFirst("host: gamma", "host: gama")
        let said = Self.message(text, "cluster.node.host")
        #expect(said.contains("node 'node3' is on host 'gama', which 'hosts' does not list (it lists 'alpha', 'beta', 'gamma'); did you mean 'gamma'?"))
        #expect(said.contains("host 'gamma' holds no node"))
    }

    @Test func withHostsEveryNodeNamesOne() {
        let said = Self.message(hostsHead.replacingFirst("    host: gamma\n", ""), "cluster.node.host")
        #expect(said.contains("node 'node3' names no host"))
        let without = Self.message(validHead.replacingFirst("address: 10.0.0.1", "address: 10.0.0.1\n    host: alpha"),
                                   "cluster.node.host")
        #expect(without.contains("the definition lists no hosts; add it under 'hosts:'"))
    }

    @Test func hostNamesAreUniqueAndNameAScript() {
        let twice = hostsHead.replacingFirst("  - name: gamma\n", "  - name: gamma\n  - name: beta\n")
        #expect(Self.message(twice, "cluster.host.name").contains("host name 'beta' is already used by the host at line 5"))
        let digit = hostsHead.replacingOccurrences(of: "beta", with: "2beta")
        #expect(Self.message(digit, "cluster.host.name").contains("must start with an ASCII letter"))
        let long = String(repeating: "b", count: 120)
        let tooLong = hostsHead.replacingOccurrences(of: "beta", with: long)
        #expect(diagnose(tooLong) == ["5:11 error cluster.host.name"])
        #expect(Self.message(tooLong, "cluster.host.name").contains("host name is 120 bytes long; at most 119"))
        #expect(diagnose(hostsHead.replacingOccurrences(of: "beta", with: String(long.dropLast()))) == [])
        // deploy-hosts.sh is taken.
        let taken = hostsHead.replacingOccurrences(of: "gamma", with: "hosts")
        #expect(diagnose(taken) == ["6:11 error cluster.host.name"])
        #expect(Self.message(taken, "cluster.host.name").contains("would name its script deploy-hosts.sh"))
        // What ssh is given must be a destination: not empty, not an option.
        let empty = hostsHead.replacingFirst("  - name: beta\n", "  - name: beta\n    ssh: \"\"\n")
        #expect(Self.message(empty, "cluster.host.ssh").contains("host 'beta' has an empty ssh destination"))
        let option = hostsHead.replacingFirst("  - name: beta\n", "  - name: beta\n    ssh: -oProxyCommand=/tmp/x\n")
        #expect(Self.message(option, "cluster.host.ssh").contains("which ssh would read as an option"))
        let destination = hostsHead.replacingFirst("  - name: beta\n", "  - name: beta\n    ssh: root@10.0.0.2\n")
        #expect(diagnose(destination) == [])
        // A key of a host that is not one is refused by the loader, with a suggestion.
        let typo = hostsHead.replacingFirst("  - name: alpha\n", "  - name: alpha\n    sshh: root@10.0.0.1\n")
        #expect(diagnostics(typo).contains { $0.rule == "cluster.yaml.unknown-key" && $0.message.contains("did you mean 'ssh'?") })
    }
}
