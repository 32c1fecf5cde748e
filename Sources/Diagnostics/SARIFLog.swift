import Foundation

/// A SARIF 2.1.0 log with one run: the subset GitHub code scanning and other
/// SARIF readers use — the tool with its rules, and each result with its rule,
/// level, message and physical location.
/// (OASIS SARIF 2.1.0: §3.13 sarifLog, §3.14 run, §3.19 toolComponent,
/// §3.49 reportingDescriptor, §3.27 result, §3.29 physicalLocation, §3.30 region.)
struct SARIFLog: Encodable {
    struct Message: Encodable {
        var text: String
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Message
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }
}

extension SARIFLog {
    /// One run of `tool` reporting `diagnostics`. Every rule of `rules` is
    /// described; a result whose rule is not among them still gets a rule
    /// entry, so `ruleIndex` always points at its rule.
    init(diagnostics: [Diagnostic], rules: [RuleDescription], tool: ToolDescription) {
        var described = rules.map { Rule(id: $0.id, shortDescription: Message(text: $0.summary)) }
        var index = Dictionary(described.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var results: [Result] = []
        for diagnostic in diagnostics {
            let ruleIndex: Int
            if let known = index[diagnostic.rule] {
                ruleIndex = known
            } else {
                ruleIndex = described.count
                index[diagnostic.rule] = ruleIndex
                described.append(Rule(id: diagnostic.rule, shortDescription: Message(text: diagnostic.rule)))
            }
            let location = diagnostic.location
            // SARIF lines and columns are 1-based; 0 means smfkit does not know.
            let region = location.line > 0
                ? Region(startLine: location.line, startColumn: location.column > 0 ? location.column : nil) : nil
            results.append(Result(
                ruleId: diagnostic.rule, ruleIndex: ruleIndex,
                level: diagnostic.severity == .error ? "error" : "warning",
                message: Message(text: diagnostic.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: Self.uri(forPath: location.file)), region: region))]))
        }
        let driver = Driver(name: tool.name, version: tool.version, rules: described)
        runs = [Run(tool: Tool(driver: driver), results: results)]
    }

    /// A relative path stays relative (code scanning resolves it against the
    /// checkout); an absolute one becomes a `file://` URI. Characters that a
    /// URI reference cannot hold are percent-encoded (RFC 3986).
    static func uri(forPath path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/!$&'()*+,;=:@")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

/// A rule as `--list-rules` shows it: its id and one line saying what it checks.
public struct RuleDescription: Sendable, Hashable {
    public var id: String
    public var summary: String

    public init(id: String, summary: String) {
        self.id = id
        self.summary = summary
    }
}

/// The tool that produced a report, for formats that name it (SARIF).
public struct ToolDescription: Sendable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }
}
