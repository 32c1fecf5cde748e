import Foundation
import Systemd

/// Writes a systemd command line as POSIX shell text, for one of the two
/// places SMF runs it.
///
/// svc.startd expands `%` tokens in an `exec` attribute and runs the result
/// as `/bin/sh -c "exec …"` (smf.md §6); a method script is plain sh. So
/// every word is quoted for the shell (systemd passed it as one argv
/// element), a literal `%` in an attribute becomes `%%`, and systemd's
/// variable references keep their meaning: `$NAME` alone as a word is
/// split at whitespace (unquoted in sh), `${NAME}` inside a word is not
/// (double-quoted in sh), `$$` is a dollar sign.
struct ShellCommandRenderer {
    enum Destination {
        /// An `exec` attribute: `%` tokens are live, `%i` is the instance.
        case execAttribute
        /// A method script: the instance comes from `SMF_FMRI`.
        case script
    }

    var destination: Destination

    /// What a rendering could not carry over, for the caller to warn about.
    struct Loss: Hashable {
        var specifier: Specifier
    }

    struct Rendered {
        var text: String
        var losses: [Loss]
        /// A word is an unquoted `$NAME`, split by the shell as systemd
        /// splits it (shellcheck's SC2086 is expected there).
        var splitsVariables: Bool
    }

    func command(_ command: ExecCommand) -> Rendered {
        var losses: [Loss] = []
        let expand = !command.prefixes.contains(.noVariableExpansion)
        let words = ([command.path] + command.arguments).map { pieces -> String in
            let (text, lost) = word(pieces, expandVariables: expand)
            losses += lost
            return text
        }
        return Rendered(text: words.joined(separator: " "), losses: losses,
                        splitsVariables: words.contains { $0.hasPrefix("$") && !$0.hasPrefix("$(") })
    }

    /// One argv element as shell text that yields exactly it.
    func word(_ pieces: [TextPiece], expandVariables: Bool) -> (String, [Loss]) {
        // A whole word `$NAME` is systemd's splitting reference.
        if expandVariables, pieces.count == 1, case .literal(let text) = pieces[0], let name = Self.wholeWordVariable(text) {
            return ("$" + name, [])
        }
        var output = ""
        var losses: [Loss] = []
        var literal = ""
        func flushLiteral() {
            if !literal.isEmpty { output += quoted(literal) }
            literal = ""
        }
        for piece in pieces {
            switch piece {
            case .literal(let text):
                var characters = Substring(text)
                while let character = characters.first {
                    if character == "$", expandVariables {
                        if characters.hasPrefix("$$") {
                            literal += "$"
                            characters = characters.dropFirst(2)
                            continue
                        }
                        if characters.hasPrefix("${"), let close = characters.firstIndex(of: "}") {
                            let name = characters[characters.index(characters.startIndex, offsetBy: 2)..<close]
                            if Self.isVariableName(name) {
                                flushLiteral()
                                output += "\"${\(name)}\""
                                characters = characters[characters.index(after: close)...]
                                continue
                            }
                        }
                    }
                    literal.append(character)
                    characters = characters.dropFirst()
                }
            case .specifier(let specifier):
                flushLiteral()
                let (text, representable) = render(specifier)
                output += text
                if !representable { losses.append(Loss(specifier: specifier)) }
            }
        }
        flushLiteral()
        return (output.isEmpty ? "''" : output, losses)
    }

    /// The shell text for a specifier known only where the unit runs, and
    /// whether it means the same there.
    private func render(_ specifier: Specifier) -> (String, Bool) {
        switch specifier {
        case .instance:
            return destination == .execAttribute ? ("%i", true) : ("\"${SMF_FMRI##*:}\"", true)
        case .unescapedInstance:
            // SMF instance names have no escaping to undo.
            return destination == .execAttribute ? ("%i", false) : ("\"${SMF_FMRI##*:}\"", false)
        case .hostname: return ("\"$(uname -n)\"", true)
        case .shortHostname: return ("\"$(uname -n | cut -d. -f1)\"", true)
        case .userHome: return ("\"$HOME\"", true)
        case .userName: return ("\"$LOGNAME\"", true)
        case .kernelRelease: return ("\"$(uname -r)\"", true)
        default:
            // Kept as the text systemd would have replaced, so the loss is visible.
            return (quoted("%" + String(specifier.rawValue)), false)
        }
    }

    /// Single-quoted unless every character is one the shell leaves alone;
    /// `%` doubled in an exec attribute.
    func quoted(_ text: String) -> String {
        let safe = !text.isEmpty && text.allSatisfy { character in
            character.isASCII && (character.isLetter || character.isNumber || "_-./,:=+@%".contains(character))
        }
        var result = safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
        if destination == .execAttribute { result = result.replacingOccurrences(of: "%", with: "%%") }
        return result
    }

    static func wholeWordVariable(_ text: String) -> Substring? {
        guard text.hasPrefix("$"), !text.hasPrefix("$$") else { return nil }
        let name = text.dropFirst()
        return isVariableName(name) ? name : nil
    }

    static func isVariableName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
