import Diagnostics
import Testing
@testable import Systemd

/// systemd.syntax(7), one feature per test, on small inline units.
@Suite struct UnitFileParserTests {
    func parse(_ text: String) -> (file: UnitFile, diagnostics: [Diagnostic]) {
        UnitFileParser.parse(text, path: "t.service")
    }

    @Test func sectionsCommentsAndTrimming() {
        let (file, diagnostics) = parse("""
            # comment
            ; also a comment
            [Unit]
              Description = A  thing\u{20}

            [Service]
            ExecStart=/bin/true
            """)
        #expect(diagnostics.isEmpty)
        #expect(file.assignments.map { "\($0.section).\($0.key)=\($0.value)" } == [
            "Unit.Description=A  thing", "Service.ExecStart=/bin/true",
        ])
        #expect(file.assignments[0].location.line == 4)
        #expect(file.assignments[0].location.column == 3)
    }

    @Test func continuationLinesJoinWithASpaceAndSkipComments() {
        let (file, _) = parse("""
            [Service]
            ExecStart=/usr/bin/daemon \\
              --one \\
            # a comment inside the continuation
              --two
            After=x
            """)
        #expect(file.assignments.first?.value == "/usr/bin/daemon  --one  --two")
        #expect(file.assignments.first?.location.line == 2)
        #expect(file.assignments.last?.key == "After")
    }

    @Test func anEscapedBackslashDoesNotContinue() {
        let (file, _) = parse("[Service]\nExecStart=/bin/echo a\\\\\nUser=x\n")
        #expect(file.assignments.map(\.key) == ["ExecStart", "User"])
    }

    @Test func linesSystemdIgnoresAreWarnings() {
        let (file, diagnostics) = parse("Orphan=1\n[Unit]\nno equals sign\n")
        #expect(file.assignments.isEmpty)
        #expect(diagnostics.map(\.location.line) == [1, 3])
        #expect(diagnostics.allSatisfy { $0.rule == SystemdRuleID.syntax && $0.severity == .warning })
    }
}

