import Diagnostics

/// Splits an `Exec*=` value into commands as systemd's `config_parse_exec`
/// does: prefixes, then words unquoted with C escapes
/// (`extract_first_word` with `EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE`), a lone
/// `;` between commands, `\;` for a literal semicolon, and `%` specifiers
/// resolved in each word after unquoting.
public enum ExecLineParser {
    public struct Failure: Error, Sendable {
        public var diagnostic: Diagnostic
    }

    public static func parse(_ assignment: UnitAssignment, unit: UnitName)
        -> (commands: [ExecCommand], diagnostics: [Diagnostic])
    {
        let location = assignment.location
        let words: [Word]
        do {
            words = try split(assignment.value, at: location)
        } catch {
            return ([], [error.diagnostic])
        }
        var diagnostics: [Diagnostic] = []
        var commands: [ExecCommand] = []
        var current: [Word] = []
        func finish() {
            defer { current = [] }
            guard var first = current.first?.text else { return }
            var prefixes = Set<ExecCommand.Prefix>()
            while let character = first.first, "-@:+!".contains(character) {
                if first.hasPrefix("!!") {
                    prefixes.insert(.ambientFallback)
                    first.removeFirst(2)
                } else {
                    prefixes.insert(ExecCommand.Prefix(rawValue: String(character)) ?? .ignoreFailure)
                    first.removeFirst()
                }
            }
            var rest = Array(current.dropFirst().map(\.text))
            if first.isEmpty {
                // The prefixes stood alone; the path is the next word.
                guard !rest.isEmpty else {
                    diagnostics.append(.error("'\(assignment.key)=' names no program after its prefixes",
                                              rule: SystemdRuleID.execLine, at: location))
                    return
                }
                first = rest.removeFirst()
            }
            func resolve(_ text: String) -> [TextPiece] {
                let (pieces, found) = SpecifierResolver.resolve(text, for: unit, at: location)
                diagnostics += found
                return pieces
            }
            var argv0: [TextPiece]?
            if prefixes.contains(.customArgv0) {
                guard !rest.isEmpty else {
                    diagnostics.append(.error("'@' needs argv[0] after the program in '\(assignment.key)='",
                                              rule: SystemdRuleID.execLine, at: location))
                    return
                }
                argv0 = resolve(rest.removeFirst())
            }
            commands.append(ExecCommand(prefixes: prefixes, path: resolve(first), argv0: argv0,
                                        arguments: rest.map(resolve), location: location))
        }
        for word in words {
            if word.isSeparator {
                finish()
            } else {
                current.append(word)
            }
        }
        finish()
        return (commands, diagnostics)
    }

    struct Word {
        var text: String
        /// A `;` written alone and unquoted.
        var isSeparator: Bool
    }

    /// Whitespace-separated words; quotes may open anywhere in a word and
    /// C escapes apply inside and outside them.
    static func split(_ value: String, at location: SourceLocation) throws(Failure) -> [Word] {
        var words: [Word] = []
        let characters = Array(value)
        var index = 0
        func fail(_ message: String) -> Failure {
            Failure(diagnostic: .error(message, rule: SystemdRuleID.execLine, at: location))
        }
        while index < characters.count {
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
            guard index < characters.count else { break }
            var text = ""
            var quoted = false
            var quote: Character?
            let start = index
            while index < characters.count {
                let character = characters[index]
                if quote == nil, character == " " || character == "\t" { break }
                if character == "\\" {
                    index += 1
                    guard index < characters.count else { throw fail("a backslash ends '\(value)'") }
                    let (unescaped, consumed) = try unescape(characters, at: index, fail: fail)
                    text += unescaped
                    index += consumed
                    continue
                }
                if let open = quote {
                    if character == open { quote = nil } else { text.append(character) }
                } else if character == "\"" || character == "'" {
                    quote = character
                    quoted = true
                } else {
                    text.append(character)
                }
                index += 1
            }
            if quote != nil { throw fail("a quote is not closed in '\(value)'; systemd refuses the line") }
            let raw = String(characters[start..<index])
            words.append(Word(text: text, isSeparator: !quoted && raw == ";"))
        }
        return words
    }

    /// The C escape after a backslash at `index`: what it stands for and how
    /// many characters it took (`cunescape_one`).
    private static func unescape(_ characters: [Character], at index: Int, fail: (String) -> Failure)
        throws(Failure) -> (String, Int)
    {
        let character = characters[index]
        let simple: [Character: String] = [
            "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
            "\\": "\\", "\"": "\"", "'": "'", "s": " ", ";": ";", " ": " ",
        ]
        if let text = simple[character] { return (text, 1) }
        func code(_ digits: Int, radix: Int) throws(Failure) -> (String, Int) {
            let end = index + 1 + digits
            guard end <= characters.count, let value = UInt32(String(characters[(index + 1)..<end]), radix: radix),
                  value != 0, let scalar = Unicode.Scalar(value) else {
                throw fail("'\\\(character)' is not a valid escape; systemd refuses the line")
            }
            return (String(Character(scalar)), digits + 1)
        }
        switch character {
        case "x": return try code(2, radix: 16)
        case "u": return try code(4, radix: 16)
        case "U": return try code(8, radix: 16)
        case "0"..."7":
            let end = index + 3
            guard end <= characters.count, let value = UInt32(String(characters[index..<end]), radix: 8),
                  value != 0, let scalar = Unicode.Scalar(value) else {
                throw fail("'\\\(character)' is not a valid octal escape; systemd refuses the line")
            }
            return (String(Character(scalar)), 3)
        default:
            throw fail("'\\\(character)' is not an escape systemd knows; write '\\\\' for a backslash")
        }
    }
}
