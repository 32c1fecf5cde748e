extension Diagnostic {
    /// The longest message a diagnostic keeps, in UTF-8 bytes.
    ///
    /// Messages quote values from the user's file (and libxml2's quote
    /// them too); a value can be megabytes long, and one diagnostic per
    /// offending element would multiply that on stderr. A longer message
    /// keeps its start and its end (where the advice is) and says how much
    /// it left out, so no diagnostic quotes more than a few hundred bytes of
    /// any value.
    public static let maxMessageBytes = 1024
    static let keptHeadBytes = 600
    static let keptTailBytes = 300

    static func bounded(_ message: String) -> String {
        let total = message.utf8.count
        guard total > maxMessageBytes else { return message }
        // Whole characters only, so the result stays valid text.
        let head = prefix(of: message[...], bytes: keptHeadBytes)
        let tail = suffix(of: message, bytes: keptTailBytes)
        let omitted = total - head.utf8.count - tail.utf8.count
        return head + "…[\(omitted) bytes not shown]…" + tail
    }

    private static func prefix(of text: Substring, bytes limit: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        for character in text {
            used += character.utf8.count
            if used > limit { break }
            end = text.index(after: end)
        }
        return text[..<end]
    }

    private static func suffix(of text: String, bytes limit: Int) -> Substring {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            used += text[previous].utf8.count
            if used > limit { break }
            start = previous
        }
        return text[start...]
    }
}
