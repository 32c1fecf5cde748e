import Diagnostics
import Testing
@testable import Systemd

@Suite struct ExecLineParserTests {
    static let template = UnitName("web@.service")!
    static let plain = UnitName("web.service")!

    func commands(_ value: String, unit: UnitName = plain) -> (commands: [ExecCommand], diagnostics: [Diagnostic]) {
        ExecLineParser.parse(UnitAssignment(section: "Service", key: "ExecStart", value: value,
                                            location: SourceLocation(file: "t", line: 7, column: 1)), unit: unit)
    }

    func literalArgv(_ command: ExecCommand) -> [String] {
        ([command.path] + command.arguments).map { pieces in
            pieces.map { if case .literal(let text) = $0 { text } else { "<\($0)>" } }.joined()
        }
    }

    @Test func quotingAndEscapes() throws {
        let (parsed, diagnostics) = commands(#"/bin/echo "a b" 'c "d"' e\ f --x="y z" \x41 tab\there"#)
        #expect(diagnostics.isEmpty)
        let command = try #require(parsed.first)
        #expect(literalArgv(command) == ["/bin/echo", "a b", "c \"d\"", "e f", "--x=y z", "A", "tab\there"])
    }

    @Test func prefixes() throws {
        let command = try #require(commands("-@:/bin/sh argv0 -c true").commands.first)
        #expect(command.prefixes == [.ignoreFailure, .customArgv0, .noVariableExpansion])
        #expect(command.argv0 == [.literal("argv0")])
        #expect(literalArgv(command) == ["/bin/sh", "-c", "true"])
        #expect(try #require(commands("+/bin/x").commands.first).prefixes == [.fullPrivileges])
        #expect(try #require(commands("!!/bin/x").commands.first).prefixes == [.ambientFallback])
    }

    @Test func aLoneSemicolonSeparatesCommandsAndAnEscapedOneDoesNot() {
        let (parsed, _) = commands(#"/bin/a 1 ; /bin/b \; ";""#)
        #expect(parsed.count == 2)
        #expect(parsed.map(literalArgv) == [["/bin/a", "1"], ["/bin/b", ";", ";"]])
    }

    @Test func specifiersResolveFromTheUnitName() throws {
        let command = try #require(commands("/bin/run %n %p %% %i %t", unit: Self.template).commands.first)
        #expect(command.arguments[0] == [.literal("web@"), .specifier(.instance), .literal(".service")])
        #expect(command.arguments[1] == [.literal("web")])
        #expect(command.arguments[2] == [.literal("%")])
        #expect(command.arguments[3] == [.specifier(.instance)])
        #expect(command.arguments[4] == [.literal("/run")])
        // A host-only specifier stays a specifier for the converter.
        #expect(try #require(commands("/bin/x %H").commands.first).arguments[0] == [.specifier(.hostname)])
    }

    @Test func variablesAreLeftForRunTime() throws {
        let command = try #require(commands("/bin/x $A ${B}c").commands.first)
        #expect(literalArgv(command) == ["/bin/x", "$A", "${B}c"])
    }

    @Test func whatSystemdRefusesIsAnError() {
        #expect(commands("/bin/x \"open").diagnostics.first?.rule == SystemdRuleID.execLine)
        #expect(commands(#"/bin/x \q"#).diagnostics.first?.severity == .error)
        #expect(commands("-").diagnostics.first?.severity == .error)
        #expect(commands("/bin/x %Z").diagnostics.first?.rule == SystemdRuleID.specifier)
    }

    @Test func listWords() {
        #expect(WordSplitter.words(#"A=1 "B=two words" 'C=x'"#) == ["A=1", "B=two words", "C=x"])
    }
}
