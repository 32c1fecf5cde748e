import Foundation

/// Renders diagnostics as text (one per line), as the JSON array of the
/// command-line contract, as SARIF 2.1.0 for code scanning, or as GitHub
/// workflow annotations. Returns strings; printing is the CLI's job.
public enum DiagnosticFormatter {
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.description + "\n" }.joined()
    }

    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(diagnostics), let text = String(data: data, encoding: .utf8) else {
            return "[]\n"
        }
        return text + "\n"
    }

    /// A SARIF 2.1.0 log with one run; `rules` are the tool's rules as
    /// `--list-rules` shows them.
    public static func sarif(_ diagnostics: [Diagnostic], rules: [RuleDescription], tool: ToolDescription) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let log = SARIFLog(diagnostics: diagnostics, rules: rules, tool: tool)
        guard let data = try? encoder.encode(log), let text = String(data: data, encoding: .utf8) else { return "" }
        return text + "\n"
    }

    /// One `::error …::message` (or `::warning`) line per diagnostic.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        GitHubAnnotations.render(diagnostics)
    }
}
