import ArgumentParser
import Diagnostics
import Foundation

/// How `validate` and `check` report what they found. Text goes to stderr,
/// like a compiler's; the machine formats go to stdout, where a CI step or
/// code-scanning upload reads them.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github

    static let help = ArgumentHelp(
        "text: diagnostics on stderr; json: an array on stdout; sarif: SARIF 2.1.0 on stdout "
            + "(GitHub code scanning); github: workflow annotations on stdout.")

    /// Writes `diagnostics`; `rules` describe the rules for SARIF's tool entry.
    func emit(_ diagnostics: [Diagnostic], rules: [RuleDescription] = []) {
        switch self {
        case .text: writeToStandardError(DiagnosticFormatter.text(diagnostics))
        case .json: writeToStandardOutput(DiagnosticFormatter.json(diagnostics))
        case .sarif:
            writeToStandardOutput(DiagnosticFormatter.sarif(diagnostics, rules: rules, tool: SmfkitVersion.tool))
        case .github: writeToStandardOutput(DiagnosticFormatter.github(diagnostics))
        }
    }
}
