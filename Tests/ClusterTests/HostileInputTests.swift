import Cluster
import Foundation
import Testing

/// Input built to exhaust memory or time ends in one diagnostic, quickly.
@Suite struct HostileInputTests {
    /// "Billion laughs": nine levels of nine aliases, 9^9 scalars if expanded.
    static let aliasBomb = """
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]

        """

    @Test func aliasBombStopsAtTheAliasThatCrossesTheLimit() {
        let clock = ContinuousClock()
        var result: [String] = []
        let elapsed = clock.measure { result = diagnose(Self.aliasBomb) }
        // The root and a–e come to 74,738 nodes with their keys; the second *e in f crosses 200,000.
        #expect(result == ["6:12 error cluster.yaml.alias-expansion"])
        #expect(elapsed < .seconds(2))
    }

    @Test func aliasBombAsAMappingKeyIsBoundedToo() {
        let text = Self.aliasBomb.split(separator: "\n").prefix(6).joined(separator: "\n")
            + "\n? [*f, *f, *f, *f]\n: x\n"
        #expect(diagnose(text).map { $0.hasSuffix("cluster.yaml.alias-expansion") } == [true])
    }

    @Test func deepNestingIsRefused() {
        let text = "cluster: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        #expect(diagnose(text) == ["1:74 error cluster.yaml.depth"])
    }

    @Test func aDocumentOverTheSizeLimitIsRefusedBeforeParsing() {
        let text = validHead + "# " + String(repeating: "x", count: DefinitionLoader.maxBytes) + "\n"
        #expect(diagnose(text) == ["1:1 error cluster.yaml.too-large"])
    }

    @Test func bytesThatAreNotUTF8AreReported() {
        var data = Data(validHead.utf8)
        data.append(contentsOf: [0x23, 0x20, 0xC3, 0x28, 0x0A])  // "# " then a broken 2-byte sequence
        let result = DefinitionLoader.load(data: data, file: "test.yaml")
        #expect(result.loaded == nil)
        #expect(result.diagnostics.map(\.rule) == ["cluster.yaml.encoding"])
        #expect(result.diagnostics.first?.message.contains("offset \(validHead.utf8.count + 2)") == true)
    }

    @Test func aThousandNodeDefinitionLoadsAndChecksQuickly() {
        var text = "cluster: big\nstack: patroni\nnodes:\n"
        for index in 1...1001 {
            text += "  - name: node\(index)\n    address: 10.0.\(index / 256).\(index % 256)\n"
            // Five etcd members; etcd advises no more than seven.
            text += index <= 5 ? "    roles: [etcd]\n" : "    roles: [postgres, proxy]\n"
        }
        let clock = ContinuousClock()
        var result = DefinitionChecker.check(DefinitionLoader.load(text: text, file: "big.yaml"))
        let elapsed = clock.measure { result = DefinitionChecker.check(DefinitionLoader.load(text: text, file: "big.yaml")) }
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.loaded?.definition.nodes.count == 1001)
        // About 0.1 s alone in a debug build; the bound leaves room for a
        // busy 2-core CI machine while still catching quadratic growth
        // (which would take minutes at this size).
        #expect(elapsed < .seconds(5))
    }
}
