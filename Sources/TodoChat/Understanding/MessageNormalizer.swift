import Foundation

/// The first stage: splits a message into tokens, normalizes each word (case, accents, curly
/// quotes, common typos and contractions) and drops polite filler ("could you please", "thanks")
/// around the request, so later stages match on a small vocabulary.
public struct MessageNormalizer: Sendable {
    public init() {}

    public func normalize(_ message: String) -> NormalizedMessage {
        let cleaned = message.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
            .replacingOccurrences(of: "\u{2013}", with: "-").replacingOccurrences(of: "\u{2014}", with: " - ")
        var tokens: [Token] = []
        var quoted = false
        for (index, chunk) in Self.chunks(cleaned).enumerated() {
            var first = true
            for piece in Self.split(chunk) where !piece.isEmpty {
                if piece == "\"" {
                    quoted.toggle()
                    continue
                }
                tokens.append(contentsOf: Self.tokens(for: piece, spaceBefore: first && index > 0, quoted: quoted))
                first = false
            }
        }
        return NormalizedMessage(original: message, tokens: Filler.strip(tokens), unfiltered: tokens)
    }

    private static func chunks(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// Splits leading and trailing punctuation off a chunk: `"(call` → `(`, `call`; `mom!?` →
    /// `mom`, `!?`. A chunk that is only `!` marks stays whole: it can mean a priority.
    static func split(_ chunk: String) -> [String] {
        if chunk.allSatisfy({ $0 == "!" }) { return [chunk] }
        if ["a.m.", "p.m.", "a.m", "p.m"].contains(chunk.lowercased()) { return [chunk] }
        var body = Substring(chunk)
        var leading: [String] = []
        var trailing: [String] = []
        let edge: Set<Character> = ["\"", "(", ")", "[", "]", "{", "}", ",", ".", "!", "?", ";", ":", "'"]
        while let first = body.first, edge.contains(first), first != "'" || body.count > 1 {
            leading.append(String(first))
            body.removeFirst()
        }
        while let last = body.last, edge.contains(last) {
            // Keep "a.m." style periods and the apostrophe of "parents'".
            if last == "'" { break }
            trailing.insert(String(last), at: 0)
            body.removeLast()
        }
        let marks = trailing.joined()
        var result = leading
        result.append(String(body))
        if !marks.isEmpty {
            // Runs of the same mark stay together ("!!", "?!" splits).
            var run = ""
            for mark in trailing {
                if !run.isEmpty, run.last.map(String.init) != mark || mark == "\"" {
                    result.append(run)
                    run = ""
                }
                run += mark
            }
            result.append(run)
        }
        return result
    }

    private static func tokens(for piece: String, spaceBefore: Bool, quoted: Bool) -> [Token] {
        let folded = piece.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        if quoted {
            return [Token(text: piece, word: folded, spaceBefore: spaceBefore, quoted: true)]
        }
        let words = Vocabulary.normalize(folded)
        return words.enumerated().map { offset, word in
            Token(
                text: offset == 0 ? piece : "", word: word, spaceBefore: offset == 0 ? spaceBefore : false,
                quoted: false)
        }
    }
}
