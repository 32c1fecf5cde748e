/// One line of a descriptor file with its 1-based line number, so every
/// parser can hand positions on to the diagnostics it causes.
public struct NumberedLine: Hashable, Sendable {
    public let number: Int
    public let text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }

    /// Splits `text` on `\n`. A final newline ends the last line rather than
    /// starting an empty one, which is how `read`, `grep` and pkgadd see a file.
    /// A `\r` stays part of its line: zap's shell code would keep it too
    /// (`VERSION=29\r` is not the integer 29), so the linters get to see it.
    public static func split(_ text: String) -> [NumberedLine] {
        // Split on the scalar: Swift treats "\r\n" as one Character, which
        // would hide the line break from a Character-based split.
        var lines: [NumberedLine] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines.append(NumberedLine(number: lines.count + 1, text: String(current)))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(NumberedLine(number: lines.count + 1, text: String(current))) }
        return lines
    }

    /// True for a line holding nothing but blanks and tabs.
    public var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
}

/// Whitespace-separated fields of a line with the 1-based column each starts
/// at; the SVR4 formats (depend, prototype) are field-oriented.
public struct Field: Hashable, Sendable {
    public let text: String
    public let column: Int
}

extension NumberedLine {
    public var fields: [Field] {
        var result: [Field] = []
        var current = ""
        var start = 0
        for (offset, character) in text.enumerated() {
            if character == " " || character == "\t" {
                if !current.isEmpty { result.append(Field(text: current, column: start + 1)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(Field(text: current, column: start + 1)) }
        return result
    }
}

extension NumberedLine {
    /// `:`-separated fields (passwd, group, user_attr), empty ones kept, with
    /// the column each starts at.
    public var colonFields: [Field] {
        var result: [Field] = []
        var column = 1
        for piece in text.split(separator: ":", omittingEmptySubsequences: false) {
            result.append(Field(text: String(piece), column: column))
            column += piece.count + 1
        }
        return result
    }
}
