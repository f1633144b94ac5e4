import TodoCore
import TodoDateText

/// Reads a message as the answer to the question the last turn asked ("yes", "the second one",
/// "friday"), when it is one. A message that is something else is planned as usual and the
/// question lapses.
struct PendingAnswer {
    let context: PlanningContext

    func answer(_ pending: PendingAction, to recognized: RecognizedIntent) -> ChatPlan? {
        switch pending {
        case .confirm(let calls):
            if recognized.intent == .confirm { return act(calls) }
            if recognized.intent == .deny { return .reply("OK, I won't.", intent: .deny) }
            return nil
        case .chooseTask(let call, let candidates):
            if recognized.intent == .deny { return .reply("OK, never mind.", intent: .deny) }
            guard recognized.intent == .unknown || recognized.intent == .confirm && candidates.count == 1 else {
                return nil
            }
            guard let chosen = choose(recognized.tokens, among: candidates) else { return nil }
            return act(chosen.map { ActionPlanner.filled(call, with: $0) })
        case .supplyDate(let calls):
            if recognized.intent == .deny { return .reply("OK, I'll leave it.", intent: .deny) }
            let words = recognized.tokens.words
            let joined = " " + words.joined(separator: " ") + " "
            if [" no date ", " no due date ", " without a date ", " none ", " skip ", " no deadline "].contains(
                where: joined.contains)
            {
                let adds = calls.filter { $0.tool == "add_task" }
                return adds.isEmpty ? .reply("OK, no date then.", intent: .update) : act(adds)
            }
            guard let value = date(in: recognized.tokens) else { return nil }
            return act(calls.map { fill($0, with: value) })
        }
    }

    private func act(_ calls: [ToolCall]) -> ChatPlan {
        let intent: Intent =
            switch calls.first?.tool {
            case "add_task": .add
            case "list_tasks": .list
            case "complete_task": .complete
            case "delete_task": .delete
            case "set_reminder": .remind
            default: .update
            }
        let ids = calls.compactMap { $0.arguments["task_id"]?.stringValue }
        return ChatPlan(.act, intent: intent, calls: calls, taskIDs: ids)
    }

    /// The candidates "2", "the second one", "the dentist one" or "both" picks.
    private func choose(_ tokens: [Token], among candidates: [String]) -> [String]? {
        let tasks = candidates.compactMap(context.task)
        let offered = ConversationContext(turns: [
            ConversationTurn(message: "", reply: "", taskIDs: candidates, listed: true)
        ])
        let resolver = ReferenceResolver(tasks: tasks, conversation: offered, context: context.dates)
        switch resolver.resolve(ReferenceParser().parse(TitleCleaner.trim(tokens)), for: .pending) {
        case .one(let task): return [task.id]
        case .many(let tasks): return tasks.map(\.id)
        default: return nil
        }
    }

    /// A date that is the whole answer ("friday", "how about tomorrow at 5").
    private func date(in tokens: [Token]) -> DateValue? {
        let words = tokens.map(\.word)
        let matches = DateRecognizer(context: context.dates).matches(in: words)
        guard let match = matches.first, !EntityExtractor.isUnclear(match.value) else { return nil }
        let filler: Set<String> = [
            "make", "it", "how", "about", "let", "us", "say", "maybe", "then", "due", "set", "i", "think",
            "probably", "um", "the", "ok", "okay", "yes", "sure", "put", "that", "is", "fine", "lets", "try",
        ]
        let others = words.indices.filter { !match.range.contains($0) }.map { words[$0] }
        guard others.allSatisfy({ filler.contains($0) || $0.allSatisfy(\.isPunctuation) }) else { return nil }
        return match.value
    }

    private func fill(_ call: ToolCall, with value: DateValue) -> ToolCall {
        var members = call.arguments.objectValue ?? [:]
        let current = members["task_id"]?.stringValue.flatMap(context.task)?.due
        let arguments = TaskArguments(dates: context.dates)
        guard let due = arguments.plainDue(value, keepingTimeOf: current) else { return call }
        members["due_at"] = nil
        members["due_date"] = nil
        arguments.write(due, into: &members)
        return ToolCall(tool: call.tool, arguments: .object(members))
    }
}
