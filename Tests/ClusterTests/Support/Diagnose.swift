import Cluster
import Diagnostics

/// Loads and checks `text` as `test.yaml` and returns each diagnostic as
/// `line:col severity rule`, in output order — the form the tables compare.
func diagnose(_ text: String) -> [String] {
    DefinitionChecker.check(DefinitionLoader.load(text: text, file: "test.yaml")).diagnostics.map {
        "\($0.location.line):\($0.location.column) \($0.severity.rawValue) \($0.rule)"
    }
}

/// The full diagnostics of `text`, for asserting on messages.
func diagnostics(_ text: String) -> [Diagnostic] {
    DefinitionChecker.check(DefinitionLoader.load(text: text, file: "test.yaml")).diagnostics
}

/// A valid three-node patroni definition on lines 1–9; cases append to it
/// from line 10 on.
let validHead = """
    cluster: c
    stack: patroni
    nodes:
      - name: node1
        address: 10.0.0.1
      - name: node2
        address: 10.0.0.2
      - name: node3
        address: 10.0.0.3

    """

/// The same three nodes on three hosts, one each (lines 1–16): alpha on
/// line 4, beta 5, gamma 6; node1's host on line 10, node2's 13, node3's 16.
let hostsHead = """
    cluster: c
    stack: patroni
    hosts:
      - name: alpha
      - name: beta
      - name: gamma
    nodes:
      - name: node1
        address: 10.0.0.1
        host: alpha
      - name: node2
        address: 10.0.0.2
        host: beta
      - name: node3
        address: 10.0.0.3
        host: gamma

    """

/// The same nodes as a stolon cluster.
let stolonHead = validHead.replacingOccurrences(of: "stack: patroni", with: "stack: stolon")

/// The same nodes with plain streaming replication, not yet naming a
/// primary (line 10 on is `replication:` and what a case adds).
let replicationHead = validHead.replacingOccurrences(of: "stack: patroni", with: "stack: replication")

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
