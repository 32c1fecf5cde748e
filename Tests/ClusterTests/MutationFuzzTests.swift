import Cluster
import Foundation
import Testing

/// Thousands of damaged copies of a real definition: loading never crashes or
/// hangs, and every diagnostic points at a real line and column.
@Suite struct MutationFuzzTests {
    /// SplitMix64: a fixed seed makes every run test the same inputs.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [":", "-", " ", "\n", "[", "]", "{", "}", "&a ", "*a", "'", "\"", "\t", "#", "!!", "?", "|",
                            ">", ",", "\u{0}", "é", "\u{202E}", "0", "99999", "node1", "  ", "- name: x\n"]

    @Test func damagedDefinitionsGiveDiagnosticsNotCrashes() throws {
        let original = Array(try String(contentsOfFile: Fixtures.path("Examples/patroni.yaml"), encoding: .utf8))
        var random = SeededGenerator(state: 4)
        var invalid = 0
        for _ in 0..<1000 {
            var text = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<text.count, using: &random)
                if Bool.random(using: &random) {
                    text.insert(contentsOf: Self.fragments.randomElement(using: &random) ?? "", at: at)
                } else {
                    text.removeSubrange(at..<min(text.count, at + Int.random(in: 1...8, using: &random)))
                }
            }
            let source = String(text)
            let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
            let result = DefinitionChecker.check(DefinitionLoader.load(text: source, file: "fuzz.yaml"))
            if !result.isValid { invalid += 1 }
            for diagnostic in result.diagnostics {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.line <= lineCount + 1, "\(diagnostic)")
                #expect(diagnostic.location.column >= 1, "\(diagnostic)")
                #expect(!diagnostic.message.contains("\n"), "\(diagnostic)")
            }
        }
        // Most damage is caught; some (inside a comment, a changed digit) is harmless.
        #expect(invalid > 500)
    }
}
