/// A cursor over the lowercased words of a message, for the hand-written phrase parsers.
///
/// Parsers work on a copy and assign it back only when they match, so a failed attempt never
/// moves the cursor.
struct WordReader {
    let words: [String]
    var index: Int

    init(_ words: [String], at index: Int = 0) {
        self.words = words
        self.index = index
    }

    var isAtEnd: Bool { index >= words.count }

    func peek(_ offset: Int = 0) -> String? {
        let position = index + offset
        return position < words.count ? words[position] : nil
    }

    mutating func advance(_ count: Int = 1) {
        index = min(words.count, index + count)
    }

    /// Consumes `word` if it is next.
    mutating func take(_ word: String) -> Bool {
        guard peek() == word else { return false }
        advance()
        return true
    }

    /// Consumes and returns the next word if it is one of `options`.
    mutating func take(_ options: Set<String>) -> String? {
        guard let word = peek(), options.contains(word) else { return nil }
        advance()
        return word
    }

    /// Consumes `sequence` if the next words are exactly it.
    mutating func take(sequence: [String]) -> Bool {
        for (offset, word) in sequence.enumerated() where peek(offset) != word {
            return false
        }
        advance(sequence.count)
        return true
    }

    /// Consumes the first of `sequences` that the next words spell.
    mutating func take(anyOf sequences: [[String]]) -> Bool {
        for sequence in sequences where take(sequence: sequence) {
            return true
        }
        return false
    }
}
