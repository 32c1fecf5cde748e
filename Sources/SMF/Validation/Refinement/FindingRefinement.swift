import Diagnostics
import Foundation

/// The last step of validating a file: makes the findings say what to do,
/// once each, at a column where the source shows one.
///
/// - A DTD "not among the enumerated set" finding lists the values the DTD
///   allows and suggests the closest (`True` → `true`, `integr` → `integer`).
/// - When a semantic rule reports the same value on the same line (svccfg's
///   "Invalid enabled value"), the two become one finding: the rule's, with
///   the DTD's list added (the more severe one's severity and id win).
/// - A required attribute left out says what to add (`enabled="true|false"`),
///   once, when a rule reports it too.
/// - A missing `start` or `stop` method says which element to add.
/// - libxml2 gives validity findings a line, no column; where the finding
///   quotes a value written in exactly one attribute of that line, the
///   column is that attribute's; else, where the line holds one start tag
///   and nothing before it, the tag's.
enum FindingRefinement {
    static let dtdRules: Set<String> = [DocumentRuleID.dtd, DocumentRuleID.dtdProfile, DocumentRuleID.dtdApply]

    static func refine(_ diagnostics: [Diagnostic], source: Data,
                       enumeration: (_ element: String, _ attribute: String) -> [String]?) -> [Diagnostic]
    {
        // A valid file (the common case in CI) costs nothing here.
        guard !diagnostics.isEmpty else { return diagnostics }
        let lines = SourceText(source)
        var result = diagnostics
        var dropped = Set<Int>()
        for index in result.indices where dtdRules.contains(result[index].rule) {
            var advice = ""
            var column: Int?
            let quoted: String
            if let finding = EnumerationFinding(result[index].message) {
                if let allowed = enumeration(finding.element, finding.attribute) {
                    advice = "\(finding.attribute) must be one of: \(allowed.joined(separator: ", "))"
                    if let near = DidYouMean.closest(to: finding.value, among: allowed) { advice += "; did you mean '\(near)'?" }
                }
                column = lines.column(ofAttribute: finding.attribute, value: finding.value, line: result[index].location.line)
                quoted = finding.value
            } else if let missing = MissingAttributeFinding(result[index].message) {
                let allowed = enumeration(missing.element, missing.attribute)
                advice = "add \(missing.attribute)=\"" + (allowed?.joined(separator: "|") ?? "…") + "\""
                quoted = missing.attribute
            } else {
                continue
            }
            let twin = result.indices.first {
                $0 != index && !dropped.contains($0) && !dtdRules.contains(result[$0].rule)
                    && result[$0].location.line == result[index].location.line
                    && result[$0].location.file == result[index].location.file
                    && result[$0].message.contains("\"\(quoted)\"")
            }
            var kept = index
            if let twin {
                let (winner, loser) = result[twin].severity >= result[index].severity ? (twin, index) : (index, twin)
                if winner == index { result[index].message = result[twin].message }
                dropped.insert(loser)
                kept = winner
            }
            if !advice.isEmpty {
                if result[kept].message.hasSuffix(".") { result[kept].message.removeLast() }
                result[kept].message += " — \(advice)"
            }
            if let column, result[kept].location.column == 0 { result[kept].location.column = column }
        }
        for index in result.indices where !dropped.contains(index) {
            if let hint = MissingMethodHint.hint(for: result[index]) { result[index].message += hint }
            if result[index].location.column == 0,
               let column = lines.column(ofQuotedValueIn: result[index].message, line: result[index].location.line)
                   ?? lines.column(ofOnlyStartTagOn: result[index].location.line)
            {
                result[index].location.column = column
            }
        }
        return result.indices.filter { !dropped.contains($0) }.map { result[$0] }.sortedForOutput()
    }
}

/// libxml2's `Value "%s" for attribute %s of %s is not among the enumerated set`.
struct EnumerationFinding {
    var value: String
    var attribute: String
    var element: String

    init?(_ message: String) {
        let prefix = "Value \""
        guard message.hasPrefix(prefix), let close = message.range(of: "\" for attribute "),
              let of = message.range(of: " of ", range: close.upperBound..<message.endIndex),
              let end = message.range(of: " is not among the enumerated set", range: of.upperBound..<message.endIndex)
        else { return nil }
        value = String(message[message.index(message.startIndex, offsetBy: prefix.count)..<close.lowerBound])
        attribute = String(message[close.upperBound..<of.lowerBound])
        element = String(message[of.upperBound..<end.lowerBound])
    }
}

/// libxml2's `Element %s does not carry attribute %s` (a required attribute left out).
struct MissingAttributeFinding {
    var element: String
    var attribute: String

    init?(_ message: String) {
        let prefix = "Element "
        guard message.hasPrefix(prefix), let middle = message.range(of: " does not carry attribute ") else { return nil }
        element = String(message[message.index(message.startIndex, offsetBy: prefix.count)..<middle.lowerBound])
        attribute = String(message[middle.upperBound...]).trimmingCharacters(in: .whitespaces)
        guard !element.contains(" "), !attribute.isEmpty, !attribute.contains(" ") else { return nil }
    }
}

/// What to add when svc.startd's template finds no `start` or `stop` method.
enum MissingMethodHint {
    static let examples = [
        "start": #"<exec_method name="start" type="method" exec="/path/to/daemon --flags" timeout_seconds="60"/>"#,
        "stop": #"<exec_method name="stop" type="method" exec=":kill" timeout_seconds="60"/>"#,
    ]

    static func hint(for diagnostic: Diagnostic) -> String? {
        let message = diagnostic.message
        guard message.hasPrefix("Required property group missing"),
              message.contains("Type of missing property group=\"method\""),
              let name = examples.keys.first(where: { message.contains("Name of missing property group=\"\($0)\"") }),
              let example = examples[name]
        else { return nil }
        return " — add to the service (or this instance): \(example)"
    }
}

/// The file's lines as bytes, for finding where an attribute is written.
struct SourceText {
    private let lines: [ArraySlice<UInt8>]

    init(_ data: Data) {
        lines = Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// The 1-based byte column of `attribute="value"` (or single-quoted) on `line`.
    func column(ofAttribute attribute: String, value: String, line: Int) -> Int? {
        guard let text = self.line(line) else { return nil }
        for quote in ["\"", "'"] {
            if let found = firstColumn(of: Array("\(attribute)=\(quote)\(value)\(quote)".utf8), in: text) { return found }
        }
        return nil
    }

    /// The column of the one attribute on `line` whose value is quoted in
    /// `message`; nil when none, or more than one, is.
    func column(ofQuotedValueIn message: String, line: Int) -> Int? {
        guard let text = self.line(line) else { return nil }
        var columns = Set<Int>()
        for value in quotedValues(in: message) where !value.isEmpty {
            for quote in ["\"", "'"] {
                let needle = Array("=\(quote)\(value)\(quote)".utf8)
                let bytes = Array(text)
                for equals in allColumns(of: needle, in: text) {
                    // Walk back over the attribute's name.
                    var start = equals
                    while start > 1, bytes[start - 2] != UInt8(ascii: " "), bytes[start - 2] != UInt8(ascii: "\t") {
                        start -= 1
                    }
                    columns.insert(start)
                }
            }
        }
        return columns.count == 1 ? columns.first : nil
    }

    /// The column of the `<` that begins `line`, when it is the line's only
    /// markup: the element libxml2 reports there (at the line where its
    /// start tag ends) is then that one.
    func column(ofOnlyStartTagOn line: Int) -> Int? {
        guard let text = self.line(line) else { return nil }
        let bytes = Array(text)
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
              bytes[first] == UInt8(ascii: "<"), bytes.count > first + 1,
              bytes[first + 1] != UInt8(ascii: "/"), bytes[first + 1] != UInt8(ascii: "!"), bytes[first + 1] != UInt8(ascii: "?"),
              bytes.filter({ $0 == UInt8(ascii: "<") }).count == 1
        else { return nil }
        return first + 1
    }

    private func line(_ number: Int) -> ArraySlice<UInt8>? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    private func quotedValues(in message: String) -> [String] {
        message.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    private func firstColumn(of needle: [UInt8], in text: ArraySlice<UInt8>) -> Int? {
        allColumns(of: needle, in: text).first
    }

    private func allColumns(of needle: [UInt8], in text: ArraySlice<UInt8>) -> [Int] {
        let bytes = Array(text)
        guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
        return (0...(bytes.count - needle.count)).filter {
            bytes[$0..<($0 + needle.count)].elementsEqual(needle)
        }.map { $0 + 1 }
    }
}
