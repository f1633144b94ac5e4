import TodoCore
import TodoDateText

/// The fourth stage: finds the tasks a reference means, among the user's tasks and in the
/// conversation so far. "it" and "the second one" come from the previous turns; "task 3" from
/// the last numbered list (or the pending tasks in list order); titles are matched loosely, and
/// when two tasks fit equally well the answer is ``Resolution/ambiguous(_:)``, never a guess.
public struct ReferenceResolver: Sendable {
    /// The user's tasks: pending first in list order (soonest due), then completed ones.
    public let tasks: [TodoTask]
    public let conversation: ConversationContext
    public let context: DateContext

    public init(tasks: [TodoTask], conversation: ConversationContext, context: DateContext) {
        self.tasks = tasks
        self.conversation = conversation
        self.context = context
    }

    public func resolve(_ reference: TaskReference, for purpose: ResolutionPurpose) -> Resolution {
        switch reference {
        case .none:
            return .unspecified
        case .id(let prefix):
            let found = tasks.filter { $0.id == prefix } + tasks.filter { $0.id != prefix && $0.id.hasPrefix(prefix) }
            if let exact = found.first, exact.id == prefix || found.count == 1 { return .one(exact) }
            return found.isEmpty ? .notFound(phrase: prefix) : .ambiguous(Array(found.prefix(5)))
        case .number(let number):
            let list = conversation.lastListing.map(lookup) ?? pending
            guard number <= list.count else { return .notFound(phrase: "task \(number)") }
            return .one(list[number - 1])
        case .ordinal(let position):
            let recent = lookup(conversation.recentTaskIDs)
            let list = recent.isEmpty ? pending : recent
            let index = position < 0 ? list.count + position : position - 1
            guard list.indices.contains(index) else { return .notFound(phrase: "that one") }
            return .one(list[index])
        case .pronoun(let plural):
            let recent = lookup(conversation.recentTaskIDs)
            if recent.isEmpty { return .unspecified }
            if plural { return .many(recent) }
            return recent.count == 1 ? .one(recent[0]) : .ambiguous(recent)
        case .title(let words, let text):
            return matchTitle(words, text: text, for: purpose)
        case .all(let filterTokens):
            var filter = ListFilterExtractor(context: context, knownTags: knownTags).extract(filterTokens)
            if !filter.statusNamed { filter.status = .all }
            let selected = tasks.filter { filter.matches($0, context: context) }
            return selected.isEmpty
                ? .notFound(phrase: filterTokens.text.isEmpty ? "all" : filterTokens.text)
                : .many(selected)
        }
    }

    /// The user's tags, as spelled on their tasks.
    public var knownTags: [String] {
        Tag.deduplicate(tasks.flatMap(\.tags))
    }

    private var pending: [TodoTask] { tasks.filter { !$0.completed } }

    private func lookup(_ ids: [String]) -> [TodoTask] {
        ids.compactMap { id in tasks.first { $0.id == id } }
    }

    private func matchTitle(_ words: [String], text: String, for purpose: ResolutionPurpose) -> Resolution {
        let scored = tasks.enumerated().map { (task: $1, order: $0, fit: TitleMatcher.score(words, title: $1.title)) }
        var candidates = scored.filter { $0.fit.matched == words.count }
        if candidates.isEmpty {
            // Most of the words, when one task clearly has more of them than any other.
            let best = scored.map(\.fit.matched).max() ?? 0
            guard best * 2 >= words.count, best > 0 else { return .notFound(phrase: text) }
            candidates = scored.filter { $0.fit.matched == best }
        }

        let preferred = candidates.filter { purpose == .completed ? $0.task.completed : !$0.task.completed }
        if !preferred.isEmpty { candidates = preferred }
        if candidates.count == 1 { return .one(candidates[0].task) }

        let folded = TextSearch.fold(text)
        if let exact = candidates.first(where: { TextSearch.fold($0.task.title) == folded }) { return .one(exact.task) }
        let ranked = candidates.sorted { ($0.fit.score, -$0.order) > ($1.fit.score, -$1.order) }
        if ranked[0].fit.score - ranked[1].fit.score >= 0.15 { return .one(ranked[0].task) }
        return .ambiguous(Array(ranked.prefix(5).map(\.task)))
    }
}
