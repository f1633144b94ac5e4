import TodoCore

/// The ways a message sets a priority: urgent, asap, important, high/low priority, p1–p4,
/// "priority: high", and a standalone "!" (high) or "!!" (urgent).
enum PriorityWords {
    static let levels: [String: Priority] = [
        "urgent": .urgent, "critical": .urgent, "top": .urgent, "highest": .urgent, "max": .urgent,
        "maximum": .urgent, "high": .high, "medium": .medium, "normal": .medium, "moderate": .medium, "low": .low,
        "lowest": .low, "none": .none, "no": .none,
    ]

    static let codes: [String: Priority] = ["p1": .urgent, "p2": .high, "p3": .medium, "p4": .low]

    /// The priority some words name, as a phrase ("high priority", "p2") or one level word ("low").
    static func level(in tokens: [Token]) -> Priority? {
        let words = tokens.map { $0.quoted ? "" : $0.word }
        for index in words.indices {
            if let (priority, _) = match(tokens, words, at: index) { return priority }
        }
        return words.lazy.compactMap { levels[$0] }.first
    }

    /// The priority a phrase at `index` sets, and where the phrase ends.
    static func match(_ tokens: [Token], _ words: [String], at index: Int) -> (Priority, Int)? {
        let word = words[index]
        let next = index + 1 < words.count ? words[index + 1] : nil
        let token = tokens[index]

        if word.allSatisfy({ $0 == "!" }), !word.isEmpty, token.spaceBefore || index == 0 {
            return (word.count == 1 ? .high : .urgent, index + 1)
        }
        if let code = codes[word] { return (code, index + 1) }
        if word == "priority", let next {
            var position = index + 1
            if next == ":" || next == "=" || next == "is" { position += 1 }
            guard position < words.count else { return nil }
            if let level = levels[words[position]] { return (level, position + 1) }
            if let digit = Int(words[position]), let code = codes["p\(digit)"] { return (code, position + 1) }
            return nil
        }
        if let level = levels[word], next == "priority" || next == "prio" || next == "pri" {
            return (level, index + 2)
        }
        if word.hasSuffix("-priority"), let level = levels[String(word.dropLast(9))] { return (level, index + 1) }
        switch word {
        case "urgent", "urgently", "asap", "critical": return (.urgent, index + 1)
        case "important", "crucial", "essential": return (.high, index + 1)
        default: break
        }
        if word == "as", words.count > index + 3, Array(words[index..<(index + 4)]) == ["as", "soon", "as", "possible"]
        {
            return (.urgent, index + 4)
        }
        if (word == "not" && (next == "urgent" || next == "important")) || (word == "no" && next == "rush") {
            return (.low, index + 2)
        }
        if word == "unimportant" || word == "whenever" && next == nil { return (.low, index + 1) }
        return nil
    }
}
