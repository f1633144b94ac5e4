/// One word or punctuation mark of a message.
public struct Token: Sendable, Equatable {
    /// As the user typed it; titles are rebuilt from this. Empty for the extra words of an
    /// expansion ("what's" becomes "what" + "is", and only the first keeps the text).
    public var text: String
    /// Lowercased, without accents, with common typos corrected: what the pipeline matches on.
    public var word: String
    /// Whether whitespace came before this token in the message.
    public var spaceBefore: Bool
    /// Inside double quotes: part of a title as written, never read as a date, tag or command.
    public var quoted: Bool

    public init(text: String, word: String, spaceBefore: Bool = true, quoted: Bool = false) {
        self.text = text
        self.word = word
        self.spaceBefore = spaceBefore
        self.quoted = quoted
    }

    /// A token that is only punctuation (",", ".", "!!").
    public var isPunctuation: Bool {
        !word.isEmpty && word.allSatisfy { $0.isPunctuation || $0.isSymbol } && !word.hasPrefix("#")
    }
}

/// A message split into tokens, with filler removed and words normalized.
public struct NormalizedMessage: Sendable, Equatable {
    public let original: String
    public var tokens: [Token]
    /// All tokens, filler included: "hello there" is a greeting, not "there".
    public var unfiltered: [Token]

    public init(original: String, tokens: [Token], unfiltered: [Token]? = nil) {
        self.original = original
        self.tokens = tokens
        self.unfiltered = unfiltered ?? tokens
    }

    /// The normalized words, one per token.
    public var words: [String] { tokens.map(\.word) }
}

extension Array where Element == Token {
    /// The tokens as the user wrote them, spaced as they were, quotes removed.
    public var text: String {
        var result = ""
        for token in self where !token.text.isEmpty {
            if !result.isEmpty, token.spaceBefore { result += " " }
            result += token.text
        }
        return result
    }

    /// The normalized words.
    public var words: [String] { map(\.word) }
}
