/// Turns libyaml's verdict on a malformed definition into one a newcomer can
/// act on: the line where the mistake is (libyaml often notices it a line
/// later, where the text stops making sense) and what to change, in plain
/// words. It reads only the text around the error; when no pattern below
/// fits, libyaml's own message and position stand.
enum SyntaxHint {
    /// A located explanation of a syntax error.
    struct Explained: Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    static func explain(problem: String, line: Int, column: Int, context: (line: Int, column: Int)? = nil,
                        in text: String) -> Explained? {
        let lines = SourceLines(text)
        if let context, let hint = unfinished(problem, context: context, in: lines) { return hint }
        guard let errorLine = lines.line(line) else { return nil }
        let previous = lines.previousContent(before: line)
        // The structure errors libyaml reports a line late.
        guard problem.hasPrefix("mapping values are not allowed") || problem.hasPrefix("did not find expected") else {
            return nil
        }
        return gluedIndicator(previous: previous, errorLine: errorLine)
            ?? colonInValue(problem, errorLine, column: column)
            ?? indentation(problem, errorLine, previous: previous, in: lines)
    }

    /// A construct libyaml was still reading when the text ran out or went
    /// wrong: a key without its `:`, a quote never closed.
    private static func unfinished(_ problem: String, context: (line: Int, column: Int), in lines: SourceLines)
        -> Explained?
    {
        guard let started = lines.line(context.line) else { return nil }
        if problem.hasPrefix("could not find expected ':'") {
            let words = started.trimmed.split(separator: " ", maxSplits: 1)
            let fixed = words.count == 2 ? "write '\(words[0]): \(words[1].drop { $0 == " " })'" : "like 'port: 6432'"
            return Explained(
                message: "line \(context.line) reads '\(started.trimmed)': a key needs ':' and a space before its "
                    + "value (\(fixed))",
                line: context.line, column: context.column)
        }
        if problem.contains("end of stream"), problem.contains("quoted scalar") {
            return Explained(
                message: "the quote that opens at line \(context.line), column \(context.column) is never closed; "
                    + "close it on the same line",
                line: context.line, column: context.column)
        }
        return nil
    }

    /// `-name: x` or `port:6432`: an indicator glued to what follows it.
    private static func gluedIndicator(previous: SourceLines.Line?, errorLine: SourceLines.Line) -> Explained? {
        for candidate in [previous, errorLine].compactMap({ $0 }) {
            if let dash = dashWithoutSpace(in: candidate.text) {
                let item = candidate.text.drop { $0 == " " }
                return Explained(
                    message: "line \(candidate.number) reads '\(item.prefix(60))': a list item needs a space after its "
                        + "'-' (write '- \(item.dropFirst())')",
                    line: candidate.number, column: dash)
            }
        }
        if let previous, let colon = missingSpaceColon(in: previous.text) {
            return Explained(
                message: "line \(previous.number) reads '\(previous.trimmed)': a key needs a space after its ':' "
                    + "(write '\(colon.fixed)'); without it YAML reads the whole line as one value",
                line: previous.number, column: colon.column)
        }
        return nil
    }

    /// `token: pg: 1`: a value holding `: `.
    private static func colonInValue(_ problem: String, _ errorLine: SourceLines.Line, column: Int) -> Explained? {
        guard problem.hasPrefix("mapping values are not allowed"),
              let value = errorLine.valueWithColon(before: column) else { return nil }
        return Explained(
            message: "line \(errorLine.number)'s value '\(value)' holds ': ', which YAML reads as another key; quote "
                + "the value (\(errorLine.key): \"\(value)\")",
            line: errorLine.number, column: column)
    }

    /// A key one column off: too far right (read as the value above
    /// continuing), too far left (out of its section), or lined up with
    /// nothing.
    private static func indentation(_ problem: String, _ errorLine: SourceLines.Line, previous: SourceLines.Line?,
                                    in lines: SourceLines) -> Explained? {
        guard let previous else { return nil }
        let line = errorLine.number
        if problem.hasPrefix("mapping values are not allowed"), errorLine.keyColumn > previous.keyColumn,
           previous.hasInlineValue
        {
            if let opener = lines.opener(before: previous.number, indentedBelow: errorLine.keyColumn),
               previous.keyColumn <= opener.keyColumn
            {
                // The line above slipped out of its section: the one below still sits in it.
                return Explained(
                    message: "line \(previous.number) ('\(previous.key)') starts in column \(previous.keyColumn), "
                        + "outside '\(opener.key)' (line \(opener.number)), while line \(line) below it starts in column "
                        + "\(errorLine.keyColumn); keys of one mapping start in the same column — indent line "
                        + "\(previous.number) to column \(errorLine.keyColumn)",
                    line: previous.number, column: previous.keyColumn)
            }
            let extra = errorLine.keyColumn - previous.keyColumn
            return Explained(
                message: "line \(line) ('\(errorLine.key)') starts in column \(errorLine.keyColumn), \(spaces(extra)) "
                    + "to the right of line \(previous.number) ('\(previous.key)'), so YAML reads it as part of that "
                    + "line's value; keys of one mapping start in the same column — remove \(spaces(extra))",
                line: line, column: 1)
        }
        if problem.hasPrefix("did not find expected"), errorLine.keyColumn < previous.keyColumn {
            let opener = lines.opener(before: previous.number, indentedBelow: previous.keyColumn)
            if let opener, opener.keyColumn < errorLine.keyColumn, lines.isFirstKey(previous, after: opener) {
                return Explained(
                    message: "line \(previous.number) ('\(previous.key)') starts in column \(previous.keyColumn) but "
                        + "the next key, line \(line) ('\(errorLine.key)'), in column \(errorLine.keyColumn); keys of "
                        + "one mapping start in the same column — line them up",
                    line: previous.number, column: 1)
            }
            let open = lines.openColumns(before: line)
            return Explained(
                message: "line \(line) ('\(errorLine.key)') starts in column \(errorLine.keyColumn), which lines up "
                    + "with no key above it (they start in column \(open.map(String.init).joined(separator: ", "))); "
                    + "indent it like the keys it belongs beside",
                line: line, column: 1)
        }
        return nil
    }

    private static func spaces(_ count: Int) -> String {
        count == 1 ? "1 space" : "\(count) spaces"
    }

    /// `-name: db-b`: a list item's dash glued to its key; the column of the dash.
    static func dashWithoutSpace(in line: String) -> Int? {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        guard body.hasPrefix("-"), let next = body.dropFirst().first, next.isLetter || next == "_",
              body.contains(":") else { return nil }
        return indent + 1
    }

    /// `port:6432`: a would-be key glued to its value. Only a leading
    /// identifier counts, so `fd00::11` and URLs are left alone.
    static func missingSpaceColon(in line: String) -> (column: Int, fixed: String)? {
        var body = Substring(line)
        var column = 1
        while body.first == " " { body = body.dropFirst(); column += 1 }
        if body.hasPrefix("- ") {
            body = body.dropFirst(2)
            column += 2
            while body.first == " " { body = body.dropFirst(); column += 1 }
        }
        guard let first = body.first, first.isLetter || first == "_" else { return nil }
        let key = body.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        let rest = body.dropFirst(key.count)
        guard rest.first == ":", let next = rest.dropFirst().first, next != " ", next != ":", next != "/" else {
            return nil
        }
        return (column + key.count + 1, "\(key): \(rest.dropFirst())")
    }
}

/// The definition's text as lines, with what the hints need to know of each.
private struct SourceLines {
    struct Line {
        var number: Int
        var text: String
        /// Column (1-based) where the line's key starts, after any `- `.
        var keyColumn: Int {
            var column = 1
            var rest = Substring(text)
            while rest.first == " " { rest = rest.dropFirst(); column += 1 }
            while rest.hasPrefix("- ") {
                rest = rest.dropFirst(2)
                column += 2
                while rest.first == " " { rest = rest.dropFirst(); column += 1 }
            }
            return column
        }
        var trimmed: String { String(text.drop { $0 == " " || $0 == "-" }.prefix(60)) }
        var key: String {
            let body = trimmed
            guard let colon = body.firstIndex(of: ":") else { return body }
            return String(body[..<colon])
        }
        /// `key: value` (as opposed to `key:` opening a nested block).
        var hasInlineValue: Bool {
            guard let colon = trimmed.range(of: ": ") else { return false }
            return !trimmed[colon.upperBound...].trimmingPrefix(" ").hasPrefix("#")
        }
        /// `token: pg: 1`: the value after the line's first `: ` when the
        /// error's column falls inside it, at a second `:`.
        func valueWithColon(before column: Int) -> String? {
            let characters = Array(text)
            guard let first = text.range(of: ": ") else { return nil }
            let valueStart = text.distance(from: text.startIndex, to: first.upperBound)
            guard column - 1 > valueStart, column - 1 < characters.count, characters[column - 1] == ":" else { return nil }
            let value = String(characters[valueStart...]).trimmingSuffix(" ")
            return value.hasPrefix("\"") || value.hasPrefix("'") ? nil : String(value)
        }
        var opensBlock: Bool {
            let body = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return body.trimmingSuffix(" ").hasSuffix(":")
        }
        var isContent: Bool {
            let body = text.drop { $0 == " " }
            return !body.isEmpty && !body.hasPrefix("#")
        }
    }

    private let all: [Line]

    init(_ text: String) {
        all = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            Line(number: $0.offset + 1, text: String($0.element.trimmingSuffix("\r")))
        }
    }

    func line(_ number: Int) -> Line? {
        all.indices.contains(number - 1) ? all[number - 1] : nil
    }

    func previousContent(before number: Int) -> Line? {
        all.prefix(max(0, number - 1)).last { $0.isContent }
    }

    /// The nearest line above `number` that opens a block (`key:`) and sits
    /// left of `column` — the owner the lines below belong to.
    func opener(before number: Int, indentedBelow column: Int) -> Line? {
        all.prefix(max(0, number - 1)).last { $0.isContent && $0.opensBlock && $0.keyColumn < column }
    }

    /// Whether `line` is the first key written under `opener`.
    func isFirstKey(_ line: Line, after opener: Line) -> Bool {
        !all[opener.number..<(line.number - 1)].contains { $0.isContent }
    }

    /// The columns keys start in on the lines above, innermost first.
    func openColumns(before number: Int) -> [Int] {
        var columns: [Int] = []
        var limit = Int.max
        for line in all.prefix(max(0, number - 1)).reversed() where line.isContent {
            if line.keyColumn < limit {
                columns.append(line.keyColumn)
                limit = line.keyColumn
            }
        }
        return columns
    }
}

private extension Substring {
    func trimmingPrefix(_ character: Character) -> Substring { drop { $0 == character } }
}

private extension StringProtocol {
    func trimmingSuffix(_ character: Character) -> SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == character { end = index(before: end) }
        return self[startIndex..<end]
    }
}
