/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`),
/// which a workflow step prints on stdout to annotate the files of a pull
/// request. Values are escaped as the Actions toolkit escapes them: `%`, CR
/// and LF in the message; additionally `:` and `,` in properties.
enum GitHubAnnotations {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(line(for:)).joined()
    }

    static func line(for diagnostic: Diagnostic) -> String {
        let command = diagnostic.severity == .error ? "error" : "warning"
        var properties = ["file=" + escapeProperty(diagnostic.location.file)]
        if diagnostic.location.line > 0 {
            properties.append("line=\(diagnostic.location.line)")
            if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
        }
        properties.append("title=" + escapeProperty(diagnostic.rule))
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
