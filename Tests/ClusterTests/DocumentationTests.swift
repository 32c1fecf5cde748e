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

    /// Each documented section with the keys `DefinitionKeys` declares for it.
    static var sections: [(title: String, keys: [String])] {
        DefinitionKeys.sections.map { section in
            let keys = DefinitionKeys.keys(in: section)
            switch section {
            case "": return ("Top level", keys)
            case "users": return (section, keys + AccountKeys.names)
            default: return (section, keys)
            }
        } + [("nodes", NodeKeys.names), ("hosts", HostKeys.names)]
    }

    /// The table's default for each key is the one the document shows.
    @Test func everyDefaultIsTheDocumentedOne() {
        for key in DefinitionKeys.all {
            guard let shown = key.shownDefault, key.kind != .account, key.kind != .address else { continue }
            let text = Self.section(key.section.isEmpty ? "Top level" : key.section)
            let row = text.split(separator: "\n").first { $0.hasPrefix("| `\(key.name)` |") } ?? ""
            #expect(row.contains("`\(shown)`"), "\(key.path): the default \(shown) is not in its row: \(row)")
        }
    }

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
        for rule in loading + DefinitionChecks.rules + [SharedEtcdScopeCheck.rule] {
            #expect(Self.document.contains("| `\(rule)` |"), "\(rule) is not in the rule table")
        }
    }
}

/// docs/templates.md lists every rule a template directory can break.
@Suite struct TemplateDocumentationTests {
    @Test func everyTemplateRuleIsDocumented() throws {
        let document = try String(contentsOfFile: Fixtures.path("docs/templates.md"), encoding: .utf8)
        for rule in TemplateRule.all {
            #expect(document.contains("`\(rule)`"), "\(rule) is not in docs/templates.md")
        }
    }

    @Test func everyTemplateKeyIsDocumented() throws {
        let document = try String(contentsOfFile: Fixtures.path("docs/templates.md"), encoding: .utf8)
        typealias Keys = ServiceTemplateDecoder.Keys
        for key in Keys.top + Keys.dependency + Keys.method + Keys.file + Keys.property + Keys.listener + Keys.directory
            + Keys.connections + Keys.client {
            #expect(document.contains("`\(key)`"), "the template key \(key) is not in docs/templates.md")
        }
    }
}
