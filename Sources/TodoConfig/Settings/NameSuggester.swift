/// Finds the known name closest to a mistyped one, for "did you mean" hints.
enum NameSuggester {
    /// The candidate with the smallest edit distance, if it is close enough to be a plausible typo:
    /// at most a third of the name's length (and at least 2) edits away, or the last component of a
    /// dotted candidate (`backend` → `ports.backend`).
    static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        if let byLastComponent = candidates.first(where: { $0.split(separator: ".").last.map(String.init) == lowered })
        {
            return byLastComponent
        }

        let limit = max(2, lowered.count / 3)
        let scored = candidates.map { (candidate: $0, distance: editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= limit else { return nil }
        return best.candidate
    }

    /// Levenshtein distance over characters, one row at a time.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let left = Array(left)
        let right = Array(right)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }

        var previous = Array(0...right.count)
        for (row, leftCharacter) in left.enumerated() {
            var current = [row + 1] + Array(repeating: 0, count: right.count)
            for (column, rightCharacter) in right.enumerated() {
                let substitution = previous[column] + (leftCharacter == rightCharacter ? 0 : 1)
                current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            previous = current
        }
        return previous[right.count]
    }
}
