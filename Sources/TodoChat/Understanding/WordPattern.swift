/// A pattern over the words of a whole message, written as a string:
///
/// - `add|create` one of several words; `jot_down` a word sequence (`_` joins words);
/// - `[a|an]` an optional word; `*` a capture of one or more tokens.
///
/// Patterns are anchored at both ends; captures take as few tokens as they can, so in
/// `rename * to *` the first `to` splits. Quoted tokens never match words, only captures.
struct WordPattern: Sendable {
    enum Element: Sendable {
        case words([[String]])
        case optional([[String]])
        case capture
    }

    let elements: [Element]

    init(_ source: String) {
        elements = source.split(separator: " ").map { part in
            if part == "*" { return .capture }
            if part.hasPrefix("["), part.hasSuffix("]") {
                return .optional(Self.alternatives(part.dropFirst().dropLast()))
            }
            return .words(Self.alternatives(part))
        }
    }

    private static func alternatives(_ text: Substring) -> [[String]] {
        text.split(separator: "|").map { $0.split(separator: "_").map(String.init) }
    }

    /// The captures, in order, when `tokens` match the whole pattern.
    func match(_ tokens: [Token]) -> [[Token]]? {
        match(from: 0, at: 0, tokens)
    }

    private func match(from element: Int, at index: Int, _ tokens: [Token]) -> [[Token]]? {
        guard element < elements.count else { return index == tokens.count ? [] : nil }
        switch elements[element] {
        case .words(let options):
            for option in options where Self.spells(option, tokens, at: index) {
                if let rest = match(from: element + 1, at: index + option.count, tokens) { return rest }
            }
            return nil
        case .optional(let options):
            for option in options where Self.spells(option, tokens, at: index) {
                if let rest = match(from: element + 1, at: index + option.count, tokens) { return rest }
            }
            return match(from: element + 1, at: index, tokens)
        case .capture:
            guard index < tokens.count else { return nil }
            if element == elements.count - 1 { return [Array(tokens[index...])] }
            for end in (index + 1)...tokens.count {
                if let rest = match(from: element + 1, at: end, tokens) { return [Array(tokens[index..<end])] + rest }
            }
            return nil
        }
    }

    private static func spells(_ words: [String], _ tokens: [Token], at index: Int) -> Bool {
        guard index + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() {
            let token = tokens[index + offset]
            if token.quoted || token.word != word { return false }
        }
        return true
    }
}
