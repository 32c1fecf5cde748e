import Diagnostics
import Testing
@testable import Cluster

/// A template directory is checked as a whole, like a definition: every
/// problem at once, each at file:line:col with a rule id.
@Suite struct TemplateSetTests {
    static let builtIn = TemplateSet.builtInSources

    /// The built-in sources with one file replaced (or added).
    static func problems(_ path: String, _ text: String) -> [Diagnostic] {
        var sources = builtIn
        sources[path] = text
        do {
            _ = try TemplateSet.parse(sources, origin: "T")
            return []
        } catch {
            return error.diagnostics
        }
    }

    static func haproxy(replacing old: String, with new: String) -> String {
        let text = builtIn["services/haproxy.yaml"] ?? ""
        #expect(text.contains(old), "haproxy.yaml no longer has \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    static func position(of needle: String, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: needle) {
                return "\(index + 1):\(line.unicodeScalars[..<range.lowerBound].count + 1)"
            }
        }
        return "absent"
    }

    @Test func theBuiltInTemplatesHaveNoProblem() {
        #expect(throws: Never.self) { try TemplateSet.builtIn() }
        #expect(Self.problems("services/etcd.yaml", Self.builtIn["services/etcd.yaml"] ?? "") == [])
    }

    @Test func aMisspeltStackIsRejectedWithTheClosestOne() throws {
        let text = Self.haproxy(replacing: "stacks: [patroni]", with: "stacks: [patorni]")
        let found = Self.problems("services/haproxy.yaml", text)
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.rule == TemplateRule.value)
        #expect(problem.location.description == "T/services/haproxy.yaml:" + Self.position(of: "patorni", in: text))
        #expect(problem.message.hasSuffix("did you mean 'patroni'?"))
    }

    @Test func anUnknownNameIsRejectedAtItsTagWithTheClosestName() throws {
        let text = Self.haproxy(replacing: "value: \"{{paths.haproxy}}\"", with: "value: \"{{paths.haproxi}}\"")
        let problem = try #require(Self.problems("services/haproxy.yaml", text).first)
        #expect(problem.rule == "template.name.unknown")
        #expect(problem.location.description == "T/services/haproxy.yaml:" + Self.position(of: "{{paths.haproxi}}", in: text))
        #expect(problem.message.hasSuffix("did you mean 'paths.haproxy'?"))
    }

    @Test func namesInATextTemplateResolveInTheirSection() throws {
        let text = "a {{cluster}}\n{{#nodes}}{{name}} {{adress}}{{/nodes}}\n{{name}}\n"
        let found = Self.problems("files/x.mustache", text)
        #expect(found.map(\.location.description) == ["T/files/x.mustache:2:20", "T/files/x.mustache:3:1"])
        #expect(found.first?.message.hasSuffix("did you mean 'address'?") == true)
    }

    @Test func everyProblemOfTheDirectoryIsReportedAtOnce() {
        var sources = Self.builtIn
        sources["services/haproxy.yaml"] = Self.haproxy(replacing: "duration: child", with: "duration: chlid")
        sources["services/etcd.yaml"] = (sources["services/etcd.yaml"] ?? "")
            .replacingOccurrences(of: "port: etcd.peer_port", with: "port: etcd.token")
        sources["files/haproxy.cfg.mustache"] = "{{haproxy.prot}}\n"
        do {
            _ = try TemplateSet.parse(sources, origin: "T")
            Issue.record("accepted")
        } catch {
            #expect(Set(error.diagnostics.map(\.rule)) == [TemplateRule.value, TemplateRule.listener, TemplateRule.unknownName])
            #expect(error.diagnostics.first { $0.rule == TemplateRule.listener }?.message.contains("'etcd.token' is not a port key") == true)
        }
    }

    @Test func aSharedValueCannotNameTheNode() throws {
        let text = Self.haproxy(replacing: "    per_node: true\n    grouping: optional_all", with: "    grouping: optional_all")
        let problem = try #require(Self.problems("services/haproxy.yaml", text).first)
        #expect(problem.rule == TemplateRule.perNode)
        #expect(problem.location.description == "T/services/haproxy.yaml:" + Self.position(of: "\"svc:/database/pgha/patroni:", in: text))
    }

    @Test func aConnectionToAnUnknownKindIsRefusedWithTheClosestKind() throws {
        let text = Self.haproxy(replacing: "    - to: patroni\n", with: "    - to: patorni\n")
        let problem = try #require(Self.problems("services/haproxy.yaml", text).first)
        #expect(problem.rule == TemplateRule.set)
        #expect(problem.message.hasSuffix("did you mean 'patroni'?"))
        #expect(problem.location.description == "T/services/haproxy.yaml:" + Self.position(of: "patorni", in: text))
    }

    @Test func aDependencyFMRIIsParsedBySMF() throws {
        let text = Self.haproxy(replacing: "fmri: svc:/milestone/network:default", with: "fmri: svc:/milestone/network:a:b")
        let problem = try #require(Self.problems("services/haproxy.yaml", text).first)
        #expect(problem.rule == TemplateRule.fmri)
    }
}
