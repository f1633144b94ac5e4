/// The second stage: decides what a normalized message asks for, by the first rule in
/// ``IntentRules`` that matches it whole, and hands on the words each part of the request covers.
public struct IntentRecognizer: Sendable {
    public init() {}

    public func recognize(_ message: NormalizedMessage) -> RecognizedIntent {
        let tokens = Self.trimmed(message.tokens)
        guard !tokens.isEmpty else { return RecognizedIntent(intent: .help, tokens: message.tokens) }

        // Small talk is read whole, filler and commas included ("hello there", "sure, go ahead").
        let spoken = Self.trimmed(message.unfiltered).filter { !$0.isPunctuation }
        for rule in IntentRules.conversation {
            if let recognized = rule.match(spoken, whole: tokens) { return recognized }
        }
        for rule in IntentRules.all {
            if let recognized = rule.match(tokens, whole: tokens) { return recognized }
        }

        // Nothing but tags ("#bills") asks for what is filed under them.
        let words = tokens.filter { !$0.isPunctuation }
        if !words.isEmpty, words.allSatisfy({ $0.word.hasPrefix("#") && $0.word.count > 1 && !$0.quoted }) {
            return RecognizedIntent(intent: .list, slots: [.body: tokens], tokens: tokens)
        }
        return RecognizedIntent(intent: .unknown, slots: [.body: tokens], tokens: tokens)
    }

    /// The tokens without sentence punctuation at either end. A standalone "!" or "!!" after a
    /// space stays: it can mark a priority.
    static func trimmed(_ tokens: [Token]) -> [Token] {
        var result = tokens[...]
        while let first = result.first, first.isPunctuation, !first.quoted { result.removeFirst() }
        while let last = result.last, last.isPunctuation, !last.quoted {
            if last.word.allSatisfy({ $0 == "!" }), last.spaceBefore { break }
            result.removeLast()
        }
        return Array(result)
    }
}
