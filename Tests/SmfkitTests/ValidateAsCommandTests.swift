import Foundation
import TestSupport
import Testing

/// `smfkit validate --as …`, run as a user runs it: one svccfg command's
/// exit status, and `--list-rules` showing each rule's verdict per command.
@Suite struct ValidateAsCommandTests {
    static func manifestWithoutStop() throws -> String {
        try Scratch.file(Scratch.bundle("""
            <service name='site/t' type='service' version='1'>
            <create_default_instance enabled='false'/>
            <exec_method type='method' name='start' exec='/usr/bin/daemon' timeout_seconds='60'/>
            </service>
            """))
    }

    @Test func eachCommandGivesItsOwnExitStatus() throws {
        let path = try Self.manifestWithoutStop()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = ["validate": 1, "import": 0, "import-V": 1, "apply": 1]
        for (command, status) in expected {
            let run = try Smfkit.run(["validate", "--as", command, path])
            #expect(run.status == status, "--as \(command): \(run.stderr)")
        }
        let imported = try Smfkit.run(["validate", "--as", "import", path])
        #expect(imported.stderr.contains("warning: Required property group missing"))
        #expect(imported.stderr.contains("[smf.startd.template]"))
        #expect(try Smfkit.run(["validate", path]).status == 1, "the default is the union")
    }

    @Test func anUnknownCommandIsAUsageError() throws {
        let run = try Smfkit.run(["validate", "--as", "export", "x.xml"])
        #expect(run.status == 2, "\(run.stderr)")
    }

    @Test func listRulesShowsTheVerdictPerCommand() throws {
        let lines = try Smfkit.run(["validate", "--list-rules"]).stdout.split(separator: "\n")
        let startd = try #require(lines.first { $0.hasPrefix("smf.startd.template ") })
        #expect(startd.contains("validate=error import=warning import-V=error apply=-"))
        let names = try #require(lines.first { $0.hasPrefix("smf.name.property ") })
        #expect(names.contains("validate=- import=error import-V=error apply=warning"))
    }
}
