/// "Did you mean …?": the known word closest to a misspelt one by edit
/// distance (case folded), if any is close enough to be a plausible typo.
public enum DidYouMean {
    public static func closest(to word: String, among known: [String]) -> String? {
        let folded = Array(word.lowercased())
        let limit = max(1, min(3, folded.count / 3))
        var best: (word: String, distance: Int)?
        for candidate in known where candidate != word {
            let distance = editDistance(folded, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.word
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
