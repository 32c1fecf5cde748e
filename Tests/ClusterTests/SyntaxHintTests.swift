@testable import Cluster
import Testing

/// Issue 19: a YAML mistake is reported at the line of the mistake, in plain
/// words, and once — not one line later in libyaml's words, not followed by
/// errors that only repeat it.
@Suite struct SyntaxHintTests {
    /// `etcd:` opens on line 10 of each case; its keys are lines 11 and 12.
    static let etcd = "etcd:\n  client_port: 12379\n  peer_port: 12380\n"

    func only(_ text: String) throws -> (position: String, message: String) {
        let found = diagnostics(text)
        try #require(found.count == 1, "expected one diagnostic, got \(found.map(\.message))")
        return ("\(found[0].location.line):\(found[0].location.column)", found[0].message)
    }

    @Test func anExtraSpaceOfIndentationIsNamedOnItsLine() throws {
        let text = validHead + Self.etcd.replacingFirst("  peer_port", "   peer_port")
        let (position, message) = try only(text)
        #expect(position == "12:1")
        #expect(message.contains("line 12 ('peer_port') starts in column 4, 1 space to the right of line 11"))
        #expect(message.contains("remove 1 space"))
    }

    @Test func aKeyMovedToColumnOneIsNamedOnItsOwnLineNotTheNext() throws {
        let text = validHead + Self.etcd.replacingFirst("  client_port", "client_port")
        let (position, message) = try only(text)
        #expect(position == "11:1")
        #expect(message.contains("outside 'etcd' (line 10)"))
        #expect(message.contains("indent line 11 to column 3"))
    }

    @Test func theLastKeyOfASectionMovedLeftSaysWhereItBelongs() throws {
        let text = validHead + "postgres:\n  port: 5433\nversion: 16\n"
        let (position, message) = try only(text)
        #expect(position == "12:1")
        #expect(message.contains("'version' belongs under 'postgres:' or 'packaging:'"))
    }

    @Test func aFirstKeyIndentedMoreThanTheNextIsNamed() throws {
        let text = validHead + Self.etcd.replacingFirst("  client_port", "   client_port")
        let (position, message) = try only(text)
        #expect(position == "11:1")
        #expect(message.contains("line 11 ('client_port') starts in column 4 but the next key, line 12 ('peer_port'), in column 3"))
    }

    @Test func aMissingSpaceAfterTheColonIsNamedOnItsLine() throws {
        let text = validHead + "haproxy:\n  port:6432\n  replica_port: 6433\n"
        let (position, message) = try only(text)
        #expect(position == "11:8")
        #expect(message.contains("a key needs a space after its ':' (write 'port: 6432')"))
    }

    @Test func aMissingSpaceAfterTheColonOnASectionsOnlyLineIsNamed() throws {
        let (position, message) = try only(validHead + "haproxy:\n  port:6432\n")
        #expect(position == "11:3")
        #expect(message.contains("write 'port: 6432'"))
    }

    @Test func bracketsAroundAnIPv6AddressGiveOneErrorThatSaysQuoteIt() throws {
        let text = validHead.replacingFirst("address: 10.0.0.1", "address: [fd00::11]")
        let (position, message) = try only(text)
        #expect(position == "5:14")
        #expect(message.contains("brackets make a list"))
        #expect(message.contains("quote an IPv6 address: 'fd00::11'"))
    }

    @Test func anIndentationThatLinesUpWithNothingSaysSo() throws {
        let text = validHead.replacingFirst("    address: 10.0.0.2", "   address: 10.0.0.2")
        let (position, message) = try only(text)
        #expect(position == "7:1")
        #expect(message.contains("lines up with no key above it"))
    }

    @Test func aKeyWithoutItsColonIsNamedWhereItStarts() throws {
        let (position, message) = try only(validHead + Self.etcd.replacingFirst("peer_port: 12380", "peer_port 12380"))
        #expect(position == "12:3")
        #expect(message.hasPrefix("line 12 reads 'peer_port 12380': a key needs ':' and a space before its value (write 'peer_port: 12380')"))
    }

    @Test func anUnclosedQuoteIsNamedWhereItOpens() throws {
        let (position, message) = try only(validHead.replacingFirst("cluster: c", "cluster: \"c") + Self.etcd)
        #expect(position == "1:10")
        #expect(message.hasPrefix("the quote that opens at line 1, column 10 is never closed"))
    }

    @Test func aDashGluedToItsKeyIsNamed() throws {
        let (position, message) = try only(validHead.replacingFirst("  - name: node2", "  -name: node2"))
        #expect(position == "6:3")
        #expect(message.hasPrefix("line 6 reads '-name: node2': a list item needs a space after its '-' (write '- name: node2')"))
    }

    @Test func aValueHoldingColonSpaceSaysQuoteIt() throws {
        let (position, message) = try only(validHead + "etcd:\n  token: pg: 1\n")
        #expect(position == "11:12")
        #expect(message.hasPrefix("line 11's value 'pg: 1' holds ': ', which YAML reads as another key; quote the value (token: \"pg: 1\")"))
    }

    @Test func aURLOrIPv6ValueIsNotTakenForAGluedKey() {
        #expect(SyntaxHint.missingSpaceColon(in: "  - address: fd00::11") == nil)
        #expect(SyntaxHint.missingSpaceColon(in: "  url: http://x") == nil)
        #expect(SyntaxHint.missingSpaceColon(in: "fd00::11") == nil)
        #expect(SyntaxHint.missingSpaceColon(in: "  port:6432")?.fixed == "port: 6432")
    }
}
