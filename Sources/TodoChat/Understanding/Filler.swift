/// Politeness and hesitation around a request ("hey, could you please ... thanks!"), removed so
/// that intent patterns see the request itself. A message that is only filler keeps it: "thanks"
/// alone is small talk.
enum Filler {
    static let leading: [[String]] = [
        ["hey", "there"], ["hi", "there"], ["hello", "there"], ["hey"], ["hi"], ["hello"], ["yo"], ["okay", "so"],
        ["so"], ["um"], ["umm"], ["uh"], ["well"], ["oh"], ["alright"], ["okay"], ["hmm"],
        ["could", "you"], ["can", "you"], ["would", "you"], ["will", "you"], ["would", "you", "mind"],
        ["i", "would", "like", "you", "to"], ["i", "want", "you", "to"], ["i", "need", "you", "to"],
        ["go", "ahead", "and"], ["just"], ["quickly"], ["can", "i", "ask", "you", "to"], ["bot"], ["also"],
        ["and"], ["oh", "and"], ["one", "more", "thing"], ["actually"],
    ].sorted { $0.count > $1.count }

    static let trailing: [[String]] = [
        ["thank", "you"], ["thanks"], ["for", "me"], ["if", "you", "can"], ["if", "possible"], ["real", "quick"],
        ["quickly"], ["okay"], ["thank", "you", "so", "much"], ["thanks", "a", "lot"], ["cheers"],
    ]

    /// Words dropped wherever they are.
    static let anywhere: Set<String> = ["please", "kindly"]

    static func strip(_ tokens: [Token]) -> [Token] {
        var kept = tokens.filter { $0.quoted || !anywhere.contains($0.word) }
        if kept.allSatisfy(\.isPunctuation) { return tokens }

        var changed = true
        while changed {
            changed = false
            // The longest phrase decides: "hello there" is all filler, so "hello" alone is not stripped.
            guard let phrase = leading.first(where: { matches($0, kept, at: 0) }) else { break }
            let rest = Array(kept.dropFirst(phrase.count)).drop { $0.word == "," || $0.word == "-" }
            if rest.contains(where: { !$0.isPunctuation }) {
                kept = Array(rest)
                changed = true
            }
        }

        changed = true
        while changed {
            changed = false
            let end = kept.lastIndex { !$0.isPunctuation || $0.word.hasPrefix("!") && $0.spaceBefore } ?? -1
            let body = Array(kept.prefix(end + 1))
            for phrase in trailing where body.count > phrase.count {
                guard matches(phrase, body, at: body.count - phrase.count) else { continue }
                var rest = Array(body.dropLast(phrase.count))
                while let last = rest.last, last.word == "," { rest.removeLast() }
                if rest.contains(where: { !$0.isPunctuation }) {
                    kept = rest + Array(kept[(end + 1)...])
                    changed = true
                    break
                }
            }
        }
        return kept
    }

    private static func matches(_ phrase: [String], _ tokens: [Token], at start: Int) -> Bool {
        guard start >= 0, start + phrase.count <= tokens.count else { return false }
        for (offset, word) in phrase.enumerated() {
            let token = tokens[start + offset]
            if token.quoted || token.word != word { return false }
        }
        return true
    }
}
