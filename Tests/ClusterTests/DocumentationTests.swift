import Foundation
import Testing
@testable import Cluster

/// docs/cluster-definition.md documents every key the loader accepts and
/// every rule id it can report.
@Suite struct DocumentationTests {
    static let document = (try? String(contentsOfFile: Fixtures.path("docs/cluster-definition.md"), encoding: .utf8)) ?? ""

    /// The text of the `## title` section, up to the next `## `.
    static func section(_ title: String) -> String {
        guard let start = document.range(of: "\n## \(title)\n") else { return "" }
        let rest = document[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    static let sections: [(title: String, keys: [String])] = [
        ("Top level", DefinitionDecoder.Keys.top), ("nodes", DefinitionDecoder.Keys.node),
        ("etcd", DefinitionDecoder.Keys.etcd), ("postgres", DefinitionDecoder.Keys.postgres),
        ("patroni", DefinitionDecoder.Keys.patroni), ("stolon", DefinitionDecoder.Keys.stolon),
        ("haproxy", DefinitionDecoder.Keys.haproxy), ("users", DefinitionDecoder.Keys.users + DefinitionDecoder.Keys.user),
        ("paths", DefinitionDecoder.Keys.paths), ("secrets", DefinitionDecoder.Keys.secrets),
        ("packaging", DefinitionDecoder.Keys.packaging),
    ]

    @Test func everyKeyHasATableRowInItsSection() {
        #expect(!Self.document.isEmpty)
        for (title, keys) in Self.sections {
            let text = Self.section(title)
            #expect(!text.isEmpty, "no section '\(title)'")
            for key in keys {
                #expect(text.contains("| `\(key)` |"), "\(title).\(key) is not documented")
            }
        }
    }

    @Test func everyRuleIdIsDocumented() {
        let loading = [LoadingRule.syntax, LoadingRule.encoding, LoadingRule.tooLarge, LoadingRule.aliasExpansion,
                       LoadingRule.depth, LoadingRule.type, LoadingRule.unknownKey, LoadingRule.duplicateKey,
                       LoadingRule.missingKey, LoadingRule.tag]
        for rule in loading + DefinitionChecks.rules {
            #expect(Self.document.contains("| `\(rule)` |"), "\(rule) is not in the rule table")
        }
    }
}
