/// Reads which task a phrase names: an id, "task 3", "the second one", "it", "them", "all
/// completed tasks" or title words ("the meeting task").
public struct ReferenceParser: Sendable {
    public init() {}

    /// Words that say nothing about which task it is.
    static let generic: Set<String> = [
        "the", "my", "a", "an", "that", "this", "those", "these", "our", "task", "tasks", "todo", "todos", "item",
        "items", "one", "ones", "reminder", "thing", "entry", "called", "named", "titled", "about", "to", "do", "for",
        "off", "on", "from", "list", "is", "as", "of", "with", "-", ":", ",", ".", "?", "!", "'", "re", "regarding",
    ]

    static let singular: Set<String> = ["it", "that", "this", "that one", "this one", "same", "the same one"]
    static let plural: Set<String> = [
        "them", "they", "those", "these", "both", "both of them", "all of them", "all of those",
        "each of them", "all of these", "those ones", "these ones", "them all", "these two", "those two", "the two",
    ]

    public func parse(_ tokens: [Token]) -> TaskReference {
        let content = tokens.filter { !$0.isPunctuation || $0.word == "#" }
        let words = content.map(\.word)
        let phrase = words.joined(separator: " ")
        if words.isEmpty { return .none }

        if let id = Self.identifier(words) { return .id(id) }
        if let number = Self.number(words) { return .number(number) }
        if let ordinal = Self.ordinal(words) { return .ordinal(ordinal) }

        let stripped = Self.strip(words, ["the", "task", "tasks", "one", "ones", "item", "items", "todo", "todos"])
        let strippedPhrase = stripped.joined(separator: " ")
        if Self.plural.contains(phrase) || Self.plural.contains(strippedPhrase) { return .pronoun(plural: true) }
        if Self.singular.contains(phrase) || Self.singular.contains(strippedPhrase)
            || stripped.isEmpty && words.contains("it")
        {
            return .pronoun(plural: false)
        }
        if let first = words.first, ["all", "every", "everything", "each", "any"].contains(first) {
            return .all(filter: Array(content.dropFirst()))
        }
        if words.starts(with: ["everything"]) || words.contains("everything") { return .all(filter: content) }

        let titleWords = words.filter { !Self.generic.contains($0) }
        if titleWords.isEmpty { return stripped.isEmpty ? .pronoun(plural: false) : .none }
        return .title(words: titleWords, text: Self.titleText(content))
    }

    /// A UUID, or a run of at least 6 hex digits with a dash or a digit (the start of one).
    private static func identifier(_ words: [String]) -> String? {
        let candidates = words.filter { $0 != "task" && $0 != "id" && $0 != "the" }
        guard candidates.count == 1, let word = candidates.first, word.count >= 6 else { return nil }
        let hex = word.allSatisfy { $0.isHexDigit || $0 == "-" }
        guard hex, word.contains(where: \.isNumber) else { return nil }
        return word
    }

    /// "task 3", "#3", "number 3", "no. 3", "item 3", "3".
    private static func number(_ words: [String]) -> Int? {
        var rest = words[...]
        if rest.first == "the" { rest.removeFirst() }
        if let first = rest.first, ["task", "number", "item", "no", "todo", "#", "num"].contains(first) {
            rest.removeFirst()
        }
        if rest.first == "#" || rest.first == "number" { rest.removeFirst() }
        guard rest.count == 1, let word = rest.first else { return nil }
        let digits = word.hasPrefix("#") ? String(word.dropFirst()) : word
        guard let value = Int(digits), value > 0, value < 1000 else { return nil }
        return value
    }

    /// "the second one", "the 2nd", "the last task", "first".
    private static func ordinal(_ words: [String]) -> Int? {
        let stripped = strip(words, ["the", "one", "task", "item", "todo", "on", "list", "in", "of", "from"])
        guard stripped.count == 1, let word = stripped.first else { return nil }
        if word == "last" || word == "bottom" { return -1 }
        let ordinals = [
            "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8,
            "9th": 9, "10th": 10, "top": 1,
        ]
        return ordinals[word]
    }

    private static func strip(_ words: [String], _ noise: Set<String>) -> [String] {
        words.filter { !noise.contains($0) }
    }

    /// The phrase as written, without leading articles and a trailing "task".
    private static func titleText(_ tokens: [Token]) -> String {
        var slice = tokens[...]
        while let first = slice.first, ["the", "my", "a", "an", "that", "this", "our"].contains(first.word) {
            slice.removeFirst()
        }
        while let last = slice.last, ["task", "one", "item", "todo", "reminder", "thing"].contains(last.word) {
            slice.removeLast()
        }
        return Array(slice).text
    }
}
