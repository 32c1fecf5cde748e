import Diagnostics
import Foundation
import Testing
@testable import SMF

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input written to hurt the validator. Each must end in a clear error or a
/// verdict, quickly, without a crash, a hang, a network connection, or the
/// content of another file in the output.
@Suite struct HostileInputTests {
    let validator = Validator(dtd: .embedded)

    func validate(_ text: String, _ path: String = "hostile.xml") -> (Validator.FileReport, Duration) {
        validate(Data(text.utf8), path)
    }

    func validate(_ data: Data, _ path: String = "hostile.xml") -> (Validator.FileReport, Duration) {
        var report: Validator.FileReport?
        let elapsed = ContinuousClock().measure { report = validator.validate(data: data, path: path) }
        return (report ?? Validator.FileReport(path: path, diagnostics: [], isUnreadable: true), elapsed)
    }

    func wellFormednessErrors(_ report: Validator.FileReport) -> [Diagnostic] {
        report.diagnostics.filter { $0.rule == DocumentRuleID.wellFormed && $0.severity == .error }
    }

    @Test func entityExpansionBombIsRefused() {
        var entities = "<!ENTITY lol0 \"lollollollollollollollollollol\">\n"
        for level in 1...12 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1" [
            \(entities)]>
            <service_bundle type="manifest" name="&lol12;">&lol12;</service_bundle>
            """
        let (report, elapsed) = validate(text)
        #expect(!report.isValid)
        let errors = wellFormednessErrors(report)
        #expect(errors.contains { $0.message.contains("entity") && $0.location.line == 17 })
        #expect(elapsed < .seconds(5))
    }

    @Test func externalEntityIsNeverRead() throws {
        let secret = "SECRET-\(UUID().uuidString)"
        let file = FileManager.default.temporaryDirectory.appending(path: "smfkit-secret-\(UUID().uuidString)")
        try secret.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let declaration = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1" [
            <!ENTITY leak SYSTEM "\(file.path)">
            <!ENTITY leakurl SYSTEM "file://\(file.path)">
            ]>
            """
        // In content: libxml2 keeps an unexpanded reference; we never load it.
        let inContent = declaration + """
            <service_bundle type="manifest" name="x">
              <service name="a" version="1" type="service">
                <template><common_name><loctext xml:lang="C">&leak;&leakurl;</loctext></common_name></template>
              </service>
            </service_bundle>
            """
        let (contentReport, _) = validate(inContent)
        let document = try #require(contentReport.document)
        #expect(document.bundle?.services.first?.entity.template?.commonName.first?.text == "")
        #expect(!"\(contentReport.diagnostics)".contains(secret))
        #expect(!"\(document)".contains(secret))

        // In an attribute: not well-formed, and still not read.
        let inAttribute = declaration + "<service_bundle type=\"manifest\" name=\"&leak;\"/>"
        let (attributeReport, _) = validate(inAttribute)
        #expect(!attributeReport.isValid)
        #expect(wellFormednessErrors(attributeReport).contains { $0.message.contains("external entity") })
        #expect(!"\(attributeReport.diagnostics)".contains(secret))
        #expect(!"\(String(describing: attributeReport.document))".contains(secret))

        // Through an external parameter entity in the internal subset: not
        // read, and the entity it would have declared is reported as unknown.
        let declarations = FileManager.default.temporaryDirectory.appending(path: "smfkit-pe-\(UUID().uuidString)")
        try "<!ENTITY leaked \"\(secret)\">".write(to: declarations, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: declarations) }
        let throughParameterEntity = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1" [
            <!ENTITY % external SYSTEM "\(declarations.path)">
            %external;
            ]>
            <service_bundle type="manifest" name="&leaked;"/>
            """
        let (parameterReport, _) = validate(throughParameterEntity)
        #expect(!parameterReport.isValid)
        #expect(parameterReport.diagnostics.contains {
            $0.rule == DocumentRuleID.entity && $0.location.line == 6 && $0.message.contains("leaked")
        })
        #expect(!"\(parameterReport.diagnostics)".contains(secret))
        #expect(!"\(String(describing: parameterReport.document))".contains(secret))
    }

    @Test func httpDoctypeIsNeverFetched() throws {
        let listener = try LocalListener()
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE service_bundle SYSTEM "http://127.0.0.1:\(listener.port)/service_bundle.dtd" [
            <!ENTITY remote SYSTEM "http://127.0.0.1:\(listener.port)/entity">
            ]>
            <service_bundle type="manifest" name="x">&remote;</service_bundle>
            """
        let (report, elapsed) = validate(text)
        #expect(listener.acceptedConnection() == false)
        #expect(report.diagnostics.contains {
            $0.rule == DocumentRuleID.doctype && $0.message.contains("document DTD unknown") && $0.location.line == 2
        })
        #expect(!report.isValid)
        #expect(elapsed < .seconds(5))
    }

    @Test func deepNestingIsRefused() {
        let depth = 100_000
        let text = bundleXML(String(repeating: "<service>", count: depth) + String(repeating: "</service>", count: depth))
        let (report, elapsed) = validate(text)
        #expect(!report.isValid)
        #expect(wellFormednessErrors(report).contains { $0.message.contains("depth") && $0.location.line == 4 })
        #expect(elapsed < .seconds(10))
    }

    @Test func fiftyMegabyteFileGetsAVerdict() {
        // 50 MB of real services: the validator reads and checks all of it.
        let value = String(repeating: "x", count: 8000)
        let parts = bundleXML("@").split(separator: "@", omittingEmptySubsequences: false)
        var data = Data(parts[0].utf8)
        data.reserveCapacity(50_100_000)
        var count = 0
        while data.count < 50_000_000 {
            data.append(contentsOf: """
                <service name="site/s\(count)" version="1" type="service">
                  <instance name="default" enabled="false">
                    <property_group name="config" type="application">
                      <propval name="a" type="astring" value="\(value)"/>
                    </property_group>
                  </instance>
                </service>

                """.utf8)
            count += 1
        }
        // …with one DTD error at the very end, which must still be found.
        data.append(contentsOf: "<service name=\"last\" version=\"1\"/>".utf8)
        data.append(contentsOf: parts[1].utf8)
        #expect(data.count > 50_000_000)
        let (report, elapsed) = validate(data)
        #expect(report.document?.bundle?.services.count == count + 1)
        let dtdErrors = report.diagnostics.filter { $0.rule == DocumentRuleID.dtd }
        #expect(dtdErrors.count == 1)
        #expect(dtdErrors.first?.message.contains("type") == true)
        #expect(elapsed < .seconds(60))
    }

    @Test func invalidUTF8IsReportedWithLineAndColumn() {
        var data = Data(bundleXML("<service name=\"a\" version=\"1\" type=\"service\"/>").utf8)
        let index = data.range(of: Data("name=\"a\"".utf8))?.lowerBound ?? data.startIndex
        data.replaceSubrange((index + 6)..<(index + 7), with: [0xFF, 0xFE])
        let (report, _) = validate(data)
        #expect(!report.isValid)
        let errors = wellFormednessErrors(report)
        #expect(errors.contains { $0.message.contains("UTF-8") && $0.location.line == 4 && $0.location.column > 0 })
    }

    @Test func nulByteIsReportedWithLineAndColumn() {
        var data = Data(bundleXML("<service name=\"a\" version=\"1\" type=\"service\"/>").utf8)
        let index = data.range(of: Data("version=\"1\"".utf8))?.lowerBound ?? data.startIndex
        data.insert(0, at: index)
        let (report, _) = validate(data)
        #expect(!report.isValid)
        let errors = wellFormednessErrors(report)
        #expect(errors.count == 1)
        // `<service name="a" ` is 18 bytes: the NUL is the 19th.
        #expect(errors.first?.location == SourceLocation(file: "hostile.xml", line: 4, column: 19))
        #expect(errors.first?.message.contains("NUL") == true)
    }
}

/// A TCP listener on 127.0.0.1 that records whether anyone connected.
final class LocalListener {
    let socketDescriptor: Int32
    let port: UInt16

    struct Failure: Error {}

    init() throws {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 4) == 0 else {
            close(descriptor)
            throw Failure()
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit {
        close(socketDescriptor)
    }

    /// Whether a connection is waiting (accepting it, if so).
    func acceptedConnection() -> Bool {
        let connection = accept(socketDescriptor, nil, nil)
        if connection >= 0 {
            close(connection)
            return true
        }
        return false
    }
}
