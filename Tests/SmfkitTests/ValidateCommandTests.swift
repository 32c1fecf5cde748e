import Foundation
import TestSupport
import Testing

/// `smfkit validate` run as a user runs it: the built binary, as a subprocess.
@Suite struct ValidateCommandTests {
    static let example = PackageRoot.path("Examples/smf/etcd.xml")

    func smfkit(_ arguments: [String]) throws -> ProcessRun {
        try Smfkit.run(arguments)
    }

    func temporaryFile(_ text: String, name: String = "bad.xml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appending(path: "smfkit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appending(path: name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let invalid = """
        <?xml version="1.0"?>
        <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
        <service_bundle type="manifest" name="bad">
          <service name="a" version="1">
            <instance name="i" enabled="yes"/>
          </service>
        </service_bundle>
        """

    @Test func validFileExitsZeroSilently() throws {
        let run = try smfkit(["validate", Self.example])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
    }

    @Test func invalidFileExitsOneWithCompilerStyleLines() throws {
        let path = try temporaryFile(Self.invalid)
        let run = try smfkit(["validate", path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(path):4:3: error: ") && $0.hasSuffix(" [smf.dtd]") })
        #expect(lines.contains { $0.hasPrefix("\(path):5:24: error: ") && $0.contains("enabled must be one of: true, false") })
        #expect(run.stdout.isEmpty)
    }

    @Test func jsonFormatIsAnArrayOnStdout() throws {
        let path = try temporaryFile(Self.invalid)
        let run = try smfkit(["validate", "--format", "json", path])
        #expect(run.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.count >= 2)
        for object in array {
            #expect(Set(object.keys) == ["file", "line", "column", "severity", "rule", "message"])
            #expect(object["file"] as? String == path)
            #expect(object["severity"] as? String == "error")
        }
        #expect(array.contains { $0["line"] as? Int == 5 && $0["column"] as? Int == 24 && $0["rule"] as? String == "smf.instance.enabled" })

        let valid = try smfkit(["validate", "--format", "json", Self.example])
        #expect(valid.status == 0)
        let empty = try JSONSerialization.jsonObject(with: Data(valid.stdout.utf8)) as? [Any]
        #expect(empty?.isEmpty == true)
    }

    @Test func notWellFormedGivesLineAndColumn() throws {
        let path = try temporaryFile("<?xml version=\"1.0\"?>\n<service_bundle>\n  <oops>\n</service_bundle>\n")
        let run = try smfkit(["validate", path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(path):4:"))
        #expect(run.stderr.contains("[smf.xml.well-formed]"))
    }

    /// libxml2 reports through smfkit's handlers, never on its own: every
    /// line on stderr is one of smfkit's diagnostics.
    @Test func libxml2NeverPrintsOnItsOwn() throws {
        let files = try [
            temporaryFile(Self.invalid, name: "invalid.xml"),
            temporaryFile("<?xml version=\"1.0\"?>\n<service_bundle><a></b></service_bundle>", name: "broken.xml"),
            temporaryFile("""
                <?xml version="1.0"?>
                <!DOCTYPE service_bundle SYSTEM "http://127.0.0.1:9/x.dtd" [
                <!ENTITY a "&b;&b;"><!ENTITY b "&a;">
                <!ENTITY ext SYSTEM "/etc/hostname">
                ]>
                <service_bundle type="profile" name="&a;">&ext;</service_bundle>
                """, name: "hostile.xml"),
            temporaryFile(bundleWithXInclude, name: "profile.xml"),
        ]
        let run = try smfkit(["validate"] + files)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count >= 4)
        for line in lines {
            #expect(files.contains { line.hasPrefix($0 + ":") } && line.hasSuffix("]"), "\(line)")
        }
    }

    let bundleWithXInclude = """
        <?xml version="1.0"?>
        <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
        <service_bundle type="profile" name="p" xmlns:xi="http://www.w3.org/2001/XInclude">
          <xi:include href="file:/etc/passwd"/>
          <service name="a" version="1" type="service"><instance name="default"/></service>
        </service_bundle>
        """

    @Test func usageAndIOErrorsExitTwo() throws {
        #expect(try smfkit(["validate"]).status == 2)
        #expect(try smfkit(["validate", "--format", "xml", Self.example]).status == 2)
        #expect(try smfkit(["validate", "--dtd", "/nonexistent/x.dtd", Self.example]).status == 2)

        let missing = try smfkit(["validate", "/nonexistent/file.xml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/file.xml: error: cannot read file"))

        // An unreadable file outranks an invalid one.
        let invalid = try temporaryFile(Self.invalid)
        #expect(try smfkit(["validate", Self.example, invalid, "/nonexistent/file.xml"]).status == 2)

        let brokenDTD = try temporaryFile("<!ELEMENT service_bundle (", name: "broken.dtd")
        let broken = try smfkit(["validate", "--dtd", brokenDTD, Self.example])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("[smf.dtd.unusable]"))
    }

    @Test func dtdOptionUsesTheGivenFile() throws {
        let ours = PackageRoot.path("Sources/SMF/DTD/service_bundle.dtd")
        let run = try smfkit(["validate", "--dtd", ours, Self.example])
        #expect(run.status == 0)
        // A DTD that declares nothing rejects every element.
        let empty = try temporaryFile("<!ENTITY % nothing \"\">", name: "empty.dtd")
        let rejected = try smfkit(["validate", "--dtd", empty, Self.example])
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("No declaration for element service_bundle"))
    }

    @Test(.needsCorpus) func acceptsTheWholeIllumosGateCorpusInOneRun() throws {
        let files = try Corpus.xmlFiles(under: ["illumos-gate"]).map(\.path)
        #expect(files.count == 196)
        let run = try smfkit(["validate"] + files)
        #expect(run.status == 0, "\(run.stderr.prefix(2000))")
        #expect(run.stderr.isEmpty)
    }
}
