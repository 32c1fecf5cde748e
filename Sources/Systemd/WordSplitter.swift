/// The unquoting of list settings that are not command lines
/// (`Environment=`, `After=`, …): whitespace-separated words, double or
/// single quotes around a word, backslash escapes inside quotes
/// (`extract_first_word` with `EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE|EXTRACT_RELAX`).
/// Unlike command lines, a bad escape is kept as written.
public enum WordSplitter {
    public static func words(_ value: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in value {
            if escaped {
                switch character {
                case "n": current.append("\n")
                case "t": current.append("\t")
                default: current.append(character)
                }
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
                inWord = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                inWord = true
            case " ", "\t", "\n":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if escaped { current.append("\\") }
        if inWord { words.append(current) }
        return words
    }
}
