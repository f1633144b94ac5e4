import TodoCore
import TodoDateText

/// The third stage: reads the details of a task out of some tokens — tags (#work, "tag it
/// home"), priority (urgent, high priority, p1–p4, !, !!), reminders ("remind me 30 minutes
/// before"), a repeat ("every other Monday") and a due date — and leaves the rest (a title, or
/// the words that name a task). Quoted tokens are never read.
public struct EntityExtractor: Sendable {
    public let context: DateContext

    public init(context: DateContext) {
        self.context = context
    }

    public func extract(_ tokens: [Token]) -> TaskDetails {
        var details = TaskDetails()
        var used = Array(repeating: false, count: tokens.count)
        let words = tokens.map { $0.quoted ? "" : $0.word }

        extractTags(tokens, words, &used, into: &details)
        extractPriority(tokens, words, &used, into: &details)
        extractReminders(words, &used, into: &details)
        extractRecurrence(words, &used, into: &details)
        extractDue(words, &used, into: &details)

        details.rest = zip(tokens, used).filter { !$0.1 }.map(\.0)
        return details
    }

    // MARK: Tags

    private static let tagVerbs: Set<String> = ["tag", "tagged", "tags", "label", "labeled", "labelled"]

    private func extractTags(
        _ tokens: [Token], _ words: [String], _ used: inout [Bool], into details: inout TaskDetails
    ) {
        for (index, token) in tokens.enumerated() where !token.quoted && token.word.hasPrefix("#") {
            if case .success(let tag) = Tag.normalize(token.text), !tag.isEmpty {
                details.tags.append(tag)
                used[index] = true
            }
        }

        var index = 0
        while index < words.count {
            if let end = tagPhrase(tokens, words, at: index, into: &details) {
                // "and tag it", ", tagged": the joining word goes too.
                if index > 0, ["and", ",", "with"].contains(words[index - 1]) { used[index - 1] = true }
                for position in index..<end { used[position] = true }
                index = end
            } else if let end = listPhrase(tokens, words, at: index, into: &details) {
                for position in index..<end { used[position] = true }
                index = end
            } else {
                index += 1
            }
        }
        details.tags = Tag.deduplicate(details.tags)
    }

    /// "tag it home", "tagged as work and urgent-stuff", "with the tags a, b", "tags: x".
    private func tagPhrase(_ tokens: [Token], _ words: [String], at start: Int, into details: inout TaskDetails) -> Int?
    {
        var index = start
        if words[index] == "with", index + 1 < words.count {
            index += 1
            if words[index] == "the" { index += 1 }
            guard index < words.count, ["tag", "tags", "label", "labels"].contains(words[index]) else { return nil }
        } else {
            guard Self.tagVerbs.contains(words[index]) else { return nil }
        }
        index += 1
        while index < words.count,
            ["it", "this", "them", "that", "with", "as", "the", ":", "under", "tag"].contains(words[index])
        {
            index += 1
        }

        var found: [String] = []
        while index < words.count, let tag = tagName(tokens[index]) {
            found.append(tag)
            index += 1
            guard index + 1 < words.count, [",", "and", "&"].contains(words[index]), tagName(tokens[index + 1]) != nil
            else { break }
            index += 1
        }
        guard !found.isEmpty else { return nil }
        details.tags.append(contentsOf: found)
        return index
    }

    /// "to my shopping list" (a tag) or "on my list" (nothing).
    private func listPhrase(_ tokens: [Token], _ words: [String], at start: Int, into details: inout TaskDetails)
        -> Int?
    {
        guard ["to", "on", "onto", "in"].contains(words[start]) else { return nil }
        var index = start + 1
        guard index < words.count, ["my", "the", "our"].contains(words[index]) else { return nil }
        index += 1
        guard index < words.count else { return nil }
        if ["list", "todo", "todos", "tasks", "agenda"].contains(words[index]) {
            index += 1
            if index < words.count, words[index] == "list" { index += 1 }
            return index
        }
        guard index + 1 < words.count, words[index + 1] == "list", let tag = tagName(tokens[index]) else { return nil }
        if !["todo", "to-do", "task", "tasks"].contains(tag.lowercased()) { details.tags.append(tag) }
        return index + 2
    }

    private func tagName(_ token: Token) -> String? {
        guard !token.quoted, !token.isPunctuation, !token.text.isEmpty,
            !["and", "with", "the", "it", "a"].contains(token.word),
            case .success(let name) = Tag.normalize(token.text)
        else { return nil }
        return name
    }

    // MARK: Priority

    private func extractPriority(
        _ tokens: [Token], _ words: [String], _ used: inout [Bool], into details: inout TaskDetails
    ) {
        var index = 0
        while index < words.count {
            if let (priority, end) = PriorityWords.match(tokens, words, at: index) {
                if details.priority == nil { details.priority = priority }
                var start = index
                // "with high priority", "as urgent", "and make it urgent"
                let joining = [
                    "with", "as", "at", "a", "and", ",", "-", "very", "really", "super", "extremely", "quite",
                ]
                while start > 0, joining.contains(words[start - 1]), !used[start - 1] {
                    start -= 1
                }
                // "high priority: renew passport"
                var stop = end
                if stop < words.count, [":", "-"].contains(words[stop]) { stop += 1 }
                for position in start..<stop { used[position] = true }
                index = stop
            } else {
                index += 1
            }
        }
    }

    // MARK: Reminders

    private static let reminderTriggers: [[String]] = [
        ["and", "remind", "me"], ["remind", "me"], ["with", "a", "reminder"], ["with", "reminder"],
        ["and", "a", "reminder"], ["and", "set", "a", "reminder"], ["set", "a", "reminder"], ["a", "reminder"],
        ["reminder"], ["alert", "me"], ["notify", "me"], ["ping", "me"], ["nudge", "me"], ["remind"],
    ]

    private func extractReminders(_ words: [String], _ used: inout [Bool], into details: inout TaskDetails) {
        let offsets = ReminderOffsetRecognizer()
        let dates = DateRecognizer(context: context)
        var index = 0
        while index < words.count {
            var matched = false
            for trigger in Self.reminderTriggers where Self.spells(trigger, words, at: index) {
                var cursor = index + trigger.count
                while cursor < words.count, ["me", ":", ","].contains(words[cursor]) { cursor += 1 }
                if let offset = offsets.match(in: words, at: cursor) {
                    details.reminders.append(.before(minutes: offset.minutes))
                    cursor = offset.range.upperBound
                } else if let date = dates.match(in: words, at: cursor), !Self.isUnclear(date.value) {
                    details.reminders.append(.at(date.value))
                    cursor = date.range.upperBound
                } else {
                    continue
                }
                for position in index..<cursor { used[position] = true }
                index = cursor
                matched = true
                break
            }
            if !matched, let end = shortReminder(words, at: index, into: &details) {
                for position in index..<end { used[position] = true }
                index = end
                matched = true
            }
            if !matched { index += 1 }
        }
    }

    /// "a 10 minute reminder", "30 min reminder".
    private func shortReminder(_ words: [String], at start: Int, into details: inout TaskDetails) -> Int? {
        var index = start
        if index < words.count, ["a", "an", "with"].contains(words[index]) { index += 1 }
        guard index + 2 < words.count, let count = NumberWords.cardinal(words[index]) else { return nil }
        let units = ["minute": 1, "minutes": 1, "hour": 60, "hours": 60, "day": 1440, "days": 1440]
        guard let unit = units[words[index + 1]], words[index + 2] == "reminder" else { return nil }
        details.reminders.append(.before(minutes: count * unit))
        var end = index + 3
        if end < words.count, words[end] == "before" { end += 1 }
        return end
    }

    // MARK: Repeats and dates

    private func extractRecurrence(_ words: [String], _ used: inout [Bool], into details: inout TaskDetails) {
        let blanked = zip(words, used).map { $0.1 ? "" : $0.0 }
        let found = RecurrenceRecognizer().matches(in: blanked)
        // "weekly review every friday": a bare "weekly" before a fuller phrase is part of the title.
        let bare: Set<String> = ["daily", "weekly", "monthly", "yearly", "annually", "nightly"]
        let specific = found.first { !($0.range.count == 1 && bare.contains(blanked[$0.range.lowerBound])) }
        guard let match = found.count > 1 ? specific ?? found[0] : found.first else { return }
        switch match.value {
        case .pattern(let pattern): details.recurrence = pattern
        case .unsupported(let reason): details.unsupportedRecurrence = reason
        }
        for position in match.range { used[position] = true }
    }

    private func extractDue(_ words: [String], _ used: inout [Bool], into details: inout TaskDetails) {
        let blanked = zip(words, used).map { $0.1 ? "" : $0.0 }
        let found = DateRecognizer(context: context).matches(in: blanked)
        guard let chosen = found.first(where: { !Self.isUnclear($0.value) }) ?? found.first else { return }
        details.due = chosen.value
        for position in chosen.range { used[position] = true }
    }

    static func isUnclear(_ value: DateValue) -> Bool {
        if case .unclear = value { return true }
        return false
    }

    static func spells(_ phrase: [String], _ words: [String], at index: Int) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        return zip(phrase, words[index...]).allSatisfy { $0 == $1 }
    }
}
