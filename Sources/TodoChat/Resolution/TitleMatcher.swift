import TodoCore

/// Scores how well the words of a reference ("meeting", "dentist appt") fit a task title,
/// tolerating plurals, prefixes and one-letter typos.
enum TitleMatcher {
    /// Words of a title that do not help tell tasks apart.
    static let ignored: Set<String> = ["the", "a", "an", "my", "to", "for", "of", "and", "with", "on", "at", "in"]

    /// The folded, meaningful words of a title.
    static func words(_ title: String) -> [String] {
        TextSearch.fold(title).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !ignored.contains($0) }
    }

    /// How well `query` fits `title`, from 0 to 1 for each query word on average, and how many
    /// query words found a match.
    static func score(_ query: [String], title: String) -> (score: Double, matched: Int) {
        let titleWords = words(title)
        var total = 0.0
        var matched = 0
        for word in query.map(TextSearch.fold) {
            let best = titleWords.map { similarity(word, $0) }.max() ?? 0
            total += best
            if best > 0 { matched += 1 }
        }
        return (query.isEmpty ? 0 : total / Double(query.count), matched)
    }

    static func similarity(_ query: String, _ word: String) -> Double {
        if query == word || stem(query) == stem(word) { return 1 }
        let shorter = min(query.count, word.count)
        if shorter >= 3, word.hasPrefix(query) || query.hasPrefix(word) { return 0.8 }
        let allowed = shorter >= 7 ? 2 : shorter >= 4 ? 1 : 0
        if allowed > 0, distance(query, word, limit: allowed) <= allowed { return 0.6 }
        return 0
    }

    private static func stem(_ word: String) -> String {
        for suffix in ["'s", "ies", "es", "s", "ing", "ed"]
        where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count)) + (suffix == "ies" ? "y" : "")
        }
        return word
    }

    /// Levenshtein distance, giving up once it exceeds `limit`.
    private static func distance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
