import Diagnostics

/// Reads unit-file text the way systemd's `config_parse` does
/// (systemd.syntax(7), `src/shared/conf-parser.c`):
/// - `#` and `;` start a comment line; blank lines are ignored;
/// - `[Section]` opens a section;
/// - a line ending in `\` continues on the next one (the backslash becomes a
///   space), and comment lines inside a continuation are skipped;
/// - `Key=value` with whitespace around both trimmed.
/// What systemd ignores with a warning is returned as a warning here.
public enum UnitFileParser {
    public static func parse(_ text: String, path: String) -> (file: UnitFile, diagnostics: [Diagnostic]) {
        var assignments: [UnitAssignment] = []
        var diagnostics: [Diagnostic] = []
        var section: String?
        var pending: (text: String, line: Int)?

        // Lines are split on \n only; a \r before it is whitespace to trim.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, raw) in lines.enumerated() {
            let lineNumber = index + 1
            let stripped = trim(raw)
            if pending != nil, stripped.hasPrefix("#") || stripped.hasPrefix(";") {
                continue  // a comment inside a continuation is dropped, the value goes on
            }
            var logical: String
            var startLine: Int
            if let open = pending {
                logical = open.text + " " + stripped
                startLine = open.line
                pending = nil
            } else {
                logical = stripped
                startLine = lineNumber
            }
            if isOddBackslashRun(logical) {
                pending = (String(logical.dropLast()), startLine)
                if index < lines.count - 1 { continue }
                logical = String(logical.dropLast())
                pending = nil
            }
            let line = trim(logical)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            let location = SourceLocation(file: path, line: startLine, column: column(of: raw))
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    diagnostics.append(.warning("'\(line)' is not a [Section] header; systemd ignores the line",
                                                rule: SystemdRuleID.syntax, at: location))
                    continue
                }
                section = String(line.dropFirst().dropLast())
                continue
            }
            guard let currentSection = section else {
                diagnostics.append(.warning("assignment outside any [Section]; systemd ignores it",
                                            rule: SystemdRuleID.syntax, at: location))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                diagnostics.append(.warning("'\(line)' has no '='; systemd ignores the line",
                                            rule: SystemdRuleID.syntax, at: location))
                continue
            }
            let key = trim(String(line[..<equals]))
            let value = trim(String(line[line.index(after: equals)...]))
            guard !key.isEmpty else {
                diagnostics.append(.warning("assignment without a key; systemd ignores it",
                                            rule: SystemdRuleID.syntax, at: location))
                continue
            }
            assignments.append(UnitAssignment(section: currentSection, key: key, value: value, location: location))
        }
        return (UnitFile(path: path, assignments: assignments), diagnostics)
    }

    /// systemd.syntax's whitespace: space, tab, CR, LF.
    static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    /// Whether a line ends in an odd number of backslashes: `\\` at the end
    /// is an escaped backslash, not a continuation.
    private static func isOddBackslashRun(_ text: String) -> Bool {
        text.reversed().prefix { $0 == "\\" }.count % 2 == 1
    }

    /// 1-based column of the first non-blank character.
    private static func column(of raw: String) -> Int {
        (raw.firstIndex { $0 != " " && $0 != "\t" }.map { raw.distance(from: raw.startIndex, to: $0) } ?? 0) + 1
    }
}
