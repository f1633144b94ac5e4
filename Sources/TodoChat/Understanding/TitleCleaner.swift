/// Tidies the words left after extraction into a title or a reference: drops the lead-ins of a
/// request ("to", "that I need to", "a task called") and the connectors a removed date or tag
/// leaves dangling ("by", "on", "and").
public enum TitleCleaner {
    static let leadIns: [[String]] = [
        ["i", "need", "to"], ["i", "have", "to"], ["i", "must"], ["i", "should"], ["i", "want", "to"],
        ["we", "need", "to"],
        ["need", "to"], ["have", "to"], ["a", "task", "to"], ["task", "to"], ["a", "reminder", "to"],
        ["reminder", "to"],
        ["me", "to"], ["to"], ["that"], ["called"], ["named"], ["titled"], ["saying"], ["that", "says"], [":"], ["-"],
        [","], ["and"], ["also"], ["a", "task", "called"], ["a", "task"], ["task"], ["remember", "to"],
        ["about"], ["do", "not", "forget", "to"], ["for", "me", "to"], ["i"], ["probably"], ["maybe"], ["really"],
        ["definitely"], ["still"], ["actually"], ["just"],
    ]

    static let dangling: Set<String> = [
        "and", ",", "on", "by", "at", "due", "for", "with", "from", "starting", "beginning", "every", "-", ":",
        "before",
        "until", "till", "to", "the", "plus", "also", "&", ";", "around", "please", "or", "which", "is", "it's",
    ]

    /// Words after which a new task title may start, at the front of the body.
    public static func stripLeadIns(_ tokens: [Token]) -> [Token] {
        var rest = tokens[...]
        var changed = true
        while changed {
            changed = false
            for phrase in leadIns where rest.count > phrase.count && spells(phrase, Array(rest)) {
                rest.removeFirst(phrase.count)
                changed = true
                break
            }
        }
        return Array(rest)
    }

    /// The tokens without dangling connectors or punctuation at either end.
    public static func trim(_ tokens: [Token]) -> [Token] {
        var rest = tokens[...]
        while let first = rest.first, !first.quoted, dangling.contains(first.word) || first.isPunctuation {
            rest.removeFirst()
        }
        while let last = rest.last, !last.quoted, dangling.contains(last.word) || last.isPunctuation {
            rest.removeLast()
        }
        return Array(rest)
    }

    /// The words that name a task: trimmed, and cut at a comma, after which a message goes on to
    /// something else ("remove the vet task, it's old").
    public static func reference(_ tokens: [Token]) -> [Token] {
        let trimmed = trim(tokens)
        if let comma = trimmed.firstIndex(where: { $0.word == "," && !$0.quoted }), comma > 0 {
            return trim(Array(trimmed[..<comma]))
        }
        return trimmed
    }

    /// A title from tokens: trimmed, spaced as typed, first letter capitalized.
    public static func title(_ tokens: [Token]) -> String? {
        let text = trim(stripLeadIns(trim(tokens))).text
        guard let first = text.first else { return nil }
        return first.uppercased() + text.dropFirst()
    }

    private static func spells(_ phrase: [String], _ tokens: [Token]) -> Bool {
        zip(phrase, tokens).allSatisfy { !$1.quoted && $0 == $1.word }
    }
}
