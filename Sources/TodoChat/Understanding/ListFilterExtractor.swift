import TodoCore
import TodoDateText

/// Reads a list request ("what's due this week?", "show high priority work tasks", "what have I
/// completed?") into a ``ListFilter``. `knownTags` are the user's tags, so that "work tasks"
/// filters by the tag when there is one.
public struct ListFilterExtractor: Sendable {
    public let context: DateContext
    public let knownTags: [String]

    public init(context: DateContext, knownTags: [String]) {
        self.context = context
        self.knownTags = knownTags
    }

    public func extract(_ tokens: [Token], searching: Bool = false) -> ListFilter {
        var filter = ListFilter()
        let words = tokens.map { $0.quoted ? "" : $0.word }
        var used = words.map { _ in false }

        readStatus(words, &used, into: &filter)
        readPriority(tokens, words, &used, into: &filter)
        readSort(words, &used, into: &filter)
        readDates(words, &used, into: &filter)
        readTags(tokens, words, &used, into: &filter)
        readSearch(tokens, words, &used, everything: searching, into: &filter)

        if filter.status == .completed, filter.sort == nil {
            filter.sort = .updated
            filter.order = .desc
        }
        return filter
    }

    // MARK: Parts

    private func readStatus(_ words: [String], _ used: inout [Bool], into filter: inout ListFilter) {
        let joined = " " + words.joined(separator: " ") + " "
        let everything = [
            " including completed ", " including done ", " even completed ", " completed and pending ",
            " pending and completed ", " done and not done ", " including finished ", " completed or not ",
        ]
        let pendingWords = ["pending", "open", "left", "remaining", "incomplete", "unfinished", "outstanding"]
        filter.statusNamed = words.contains(where: pendingWords.contains)
        if everything.contains(where: joined.contains) {
            filter.status = .all
            filter.statusNamed = true
        } else if words.contains(where: ["completed", "done", "finished", "complete", "accomplished"].contains)
            || joined.contains(" did i ") || joined.contains(" have i done ") || joined.contains(" i did ")
            || joined.contains(" i have done ") || joined.contains(" checked off ")
        {
            filter.status = .completed
            filter.statusNamed = true
        }
        for (index, word) in words.enumerated() {
            if ["overdue", "late", "missed"].contains(word)
                || (word == "past" && index + 1 < words.count
                    && words[index + 1] == "due")
            {
                filter.overdue = true
                filter.status = .pending
                filter.statusNamed = true
                used[index] = true
            }
        }
        if joined.contains(" not done ") || joined.contains(" not completed ") || joined.contains(" not finished ") {
            filter.status = .pending
        }
    }

    private func readPriority(_ tokens: [Token], _ words: [String], _ used: inout [Bool], into filter: inout ListFilter)
    {
        var index = 0
        while index < words.count {
            if words[index] == "important"
                || words[index] == "high" && index + 1 < words.count
                    && ["priority", "prio", "-priority"].contains(words[index + 1])
            {
                filter.priorities = [.urgent, .high]
                used[index] = true
                if words[index] == "high" { used[index + 1] = true }
                index += 1
                continue
            }
            if let (priority, end) = PriorityWords.match(tokens, words, at: index), priority != .none {
                filter.priorities = priority == .high ? [.urgent, .high] : [priority]
                for position in index..<end { used[position] = true }
                index = end
            } else {
                index += 1
            }
        }
    }

    private func readSort(_ words: [String], _ used: inout [Bool], into filter: inout ListFilter) {
        let rules: [([String], TaskQuery.Sort, TaskQuery.Order)] = [
            (["by", "priority"], .priority, .desc), (["most", "important", "first"], .priority, .desc),
            (["by", "importance"], .priority, .desc), (["by", "due", "date"], .due, .asc),
            (["by", "deadline"], .due, .asc), (["soonest", "first"], .due, .asc), (["by", "date"], .due, .asc),
            (["newest"], .created, .desc), (["latest"], .created, .desc), (["most", "recent"], .created, .desc),
            (["recently", "added"], .created, .desc), (["oldest"], .created, .asc),
            (["alphabetically"], .title, .asc), (["by", "name"], .title, .asc), (["by", "title"], .title, .asc),
            (["a-z"], .title, .asc), (["recently", "completed"], .updated, .desc),
        ]
        for (phrase, sort, order) in rules {
            for index in words.indices where EntityExtractor.spells(phrase, words, at: index) {
                filter.sort = sort
                filter.order = order
                for position in index..<(index + phrase.count) { used[position] = true }
            }
        }
        for index in words.indices where ["top", "first"].contains(words[index]) && index + 1 < words.count {
            if let count = NumberWords.cardinal(words[index + 1]), count > 0, count <= TaskQuery.maximumLimit {
                filter.limit = count
                // "my top 5": the most important ones.
                if words[index] == "top", filter.sort == nil {
                    filter.sort = .priority
                    filter.order = .desc
                }
                used[index] = true
                used[index + 1] = true
            }
        }
        let joined = words.joined(separator: " ")
        if joined.hasSuffix("what is next") || joined.hasSuffix("next task") || joined.contains("do next")
            || joined.contains("next up") || joined.contains("what should i do first")
        {
            filter.limit = 1
            filter.sort = .due
        }
    }

    private func readDates(_ words: [String], _ used: inout [Bool], into filter: inout ListFilter) {
        let today = context.today
        for index in words.indices where ["next", "coming"].contains(words[index]) && index + 2 < words.count {
            var count = NumberWords.cardinal(words[index + 1])
            if words[index + 1] == "few" { count = 3 }
            guard let count, count > 0, ["days", "day", "weeks", "week"].contains(words[index + 2]) else { continue }
            let days = words[index + 2].hasPrefix("week") ? count * 7 : count
            filter.dueFrom = today
            filter.dueTo = today.adding(days: days - 1)
            for position in index..<(index + 3) { used[position] = true }
            return
        }
        if let index = words.firstIndex(where: { ["upcoming", "soon"].contains($0) })
            ?? words.indices.first(where: { EntityExtractor.spells(["coming", "up"], words, at: $0) })
        {
            filter.dueFrom = today
            filter.dueTo = today.adding(days: 6)
            used[index] = true
            return
        }

        let blanked = zip(words, used).map { $0.1 ? "" : $0.0 }
        guard let match = DateRecognizer(context: context).matches(in: blanked).first else { return }
        switch match.value {
        case .period(let period):
            filter.dueFrom = period.first
            filter.dueTo = period.last
        case .unclear, .time:
            return
        default:
            guard let day = match.value.day(in: context) else { return }
            // "before friday" ends the day before; "by friday" and "until friday" end on it;
            // "after friday" starts the day after.
            let lead = Set(blanked[match.range].prefix { DateRecognizer.connectors.contains($0) })
            if lead.contains("before") {
                filter.dueTo = day.adding(days: -1)
            } else if !lead.isDisjoint(with: ["by", "until", "till"]) {
                filter.dueTo = day
            } else {
                filter.dueFrom = day
                filter.dueTo = day
            }
        }
        for position in match.range { used[position] = true }
    }

    private func readTags(_ tokens: [Token], _ words: [String], _ used: inout [Bool], into filter: inout ListFilter) {
        let known = Dictionary(knownTags.map { (Tag.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for (index, token) in tokens.enumerated() where !token.quoted && !used[index] {
            if token.word.hasPrefix("#"), case .success(let tag) = Tag.normalize(token.text) {
                filter.tags.append(known[Tag.key(tag)] ?? tag)
                used[index] = true
            } else if ["tagged", "tag", "label", "labeled", "labelled"].contains(token.word), index + 1 < tokens.count {
                var next = index + 1
                if ["with", "as"].contains(words[next]), next + 1 < tokens.count { next += 1 }
                if case .success(let tag) = Tag.normalize(tokens[next].text) {
                    filter.tags.append(known[Tag.key(tag)] ?? tag)
                    used[index] = true
                    used[next] = true
                }
            } else if let tag = known[Tag.key(token.word)], !ReferenceParser.generic.contains(token.word),
                !ListVocabulary.words.contains(token.word)
            {
                filter.tags.append(tag)
                used[index] = true
            }
        }
        filter.tags = Tag.deduplicate(filter.tags)
    }

    /// "about X", "containing X", "called X", "X tasks" — or, for "search for X", all of it.
    private func readSearch(
        _ tokens: [Token], _ words: [String], _ used: inout [Bool], everything: Bool, into filter: inout ListFilter
    ) {
        let cues: Set<String> = [
            "about", "containing", "mentioning", "called", "named", "matching", "regarding", "involving", "titled",
            "with",
        ]
        var start: Int?
        if everything {
            start = 0
        } else if let cue = words.indices.first(where: { cues.contains(words[$0]) && !used[$0] }) {
            start = cue + 1
        }
        var picked: [Token] = []
        if let start {
            for index in start..<tokens.count where !used[index] {
                let word = words[index]
                if tokens[index].quoted
                    || !(ListVocabulary.words.contains(word) || ReferenceParser.generic.contains(word))
                {
                    picked.append(tokens[index])
                }
            }
        } else if let noun = words.firstIndex(where: {
            ["tasks", "task", "todos", "items", "stuff", "things", "errands"].contains($0)
        }),
            noun > 0, !used[noun - 1], !ListVocabulary.words.contains(words[noun - 1]),
            !ReferenceParser.generic.contains(words[noun - 1]), !tokens[noun - 1].isPunctuation
        {
            picked = [tokens[noun - 1]]
        }
        let text = picked.text.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        if !text.isEmpty { filter.search = text }
    }
}
