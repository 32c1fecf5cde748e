import Testing
import Tribblix

/// Hostile or odd input never crashes a linter, and every diagnostic it
/// gives has a position inside the file.
@Suite("Odd input")
struct RobustnessTests {
    static let oddInputs: [String] = [
        "", "\n", "\n\n", "=", "==", "|", "|||||||", ":::", ":::::::", "\u{0}", "\r\n", "P", "I", "R",
        "i", "f", "d none", "s none =", "1 f none a 0644 root bin", "!default 0644 root bin\nf none a",
        "VERSION=\nNAME=", "PKG=\"\"", "PKG=\"", "\"", "é=ü\n", "svc:/", "svc:/:", String(repeating: "x", count: 100_000),
        String(repeating: "a|", count: 1000), String(repeating: "\n", count: 1000), "\t\t\t", "#", "# only a comment\n",
    ]

    /// A fixed-seed generator, so a failure reproduces.
    static func randomInputs() -> [String] {
        var state: UInt64 = 0x5EED
        let alphabet = Array("VERSIONAMEQUFTPK=|:\"\n\r\t !#$.-+/svc0123456789idfelx?")
        return (0..<300).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 58)
            return String((0..<length * 3).map { index in
                alphabet[Int((state >> UInt64(index % 50)) % UInt64(alphabet.count))]
            })
        }
    }

    @Test("every kind survives odd input", arguments: DescriptorKind.allCases)
    func survives(kind: DescriptorKind) {
        for text in Self.oddInputs + Self.randomInputs() {
            let lineCount = text.unicodeScalars.filter { $0 == "\n" }.count + 1
            for diagnostic in TribblixLint.lint(text: text, path: "f", kind: kind) {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.line <= max(1, lineCount + 1))
                #expect(diagnostic.location.column >= 1)
                #expect(!diagnostic.message.isEmpty)
            }
        }
    }
}
