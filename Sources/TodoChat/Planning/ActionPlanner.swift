import TodoCore
import TodoDateText

/// The fifth stage: turns a recognized intent into tool calls, a clarifying question or a reply.
/// It asks instead of guessing when a reference fits several tasks or a date is unclear, and
/// asks for confirmation before deleting several tasks or completing more than three.
public struct ActionPlanner: Sendable {
    public let context: PlanningContext

    /// Completing more tasks than this at once asks first.
    static let bulkCompletionLimit = 3

    public init(context: PlanningContext) {
        self.context = context
    }

    /// The plan for `recognized`, against the context's tasks, time and conversation.
    public func plan(_ recognized: RecognizedIntent) -> ChatPlan {
        switch recognized.intent {
        case .add: planAdd(recognized)
        case .list: planList(recognized)
        case .complete, .reopen, .delete: planTaskChange(recognized)
        case .update: planUpdate(recognized)
        case .remind: planReminder(recognized)
        case .confirm, .deny: planAcknowledgement(recognized)
        case .greeting, .thanks, .farewell, .help, .smallTalk, .clock: planTalk(recognized)
        case .unknown: planUnknown(recognized)
        }
    }

    var arguments: TaskArguments { TaskArguments(dates: context.dates) }

    var describer: DateDescriber { DateDescriber(context: context.dates) }

    // MARK: Listing

    func planList(_ recognized: RecognizedIntent) -> ChatPlan {
        let searching = ["search", "find", "look", "lookup", "filter"].contains(recognized.tokens.first?.word ?? "")
        let extractor = ListFilterExtractor(context: context.dates, knownTags: context.resolver.knownTags)
        let filter = extractor.extract(recognized.tokens, searching: searching)

        // "what is the meaning of life?" is a question, but not about the list.
        let words = Set(recognized.tokens.words)
        let questions: Set<String> = ["what", "which", "where", "how", "is", "are", "any", "anything"]
        if questions.contains(recognized.tokens.first?.word ?? ""), !filter.isNarrowed, filter.status == .pending,
            filter.sort == nil, words.isDisjoint(with: Self.listWords)
        {
            return .reply("I'm not sure how to help with that. " + Self.capabilities, intent: .unknown)
        }
        return ChatPlan(.act, intent: .list, calls: [ToolCall(tool: "list_tasks", arguments: filter.arguments)])
    }

    /// Words that show a question is about the list.
    static let listWords: Set<String> = [
        "task", "tasks", "todo", "todos", "due", "pending", "list", "plate", "agenda", "completed", "done", "finished",
        "overdue", "left", "next", "have", "got", "need", "schedule", "open", "remaining", "stuff", "things", "items",
        "up", "coming", "do", "upcoming", "late", "planned", "errands", "reminders",
    ]

    // MARK: Shared wording

    /// "'Call mom' (due tomorrow)", for questions.
    func label(_ task: TodoTask) -> String {
        var text = "'\(task.title)'"
        if let due = task.due { text += " (due \(describer.describe(due)))" }
        if task.completed { text += " (done)" }
        return text
    }

    /// "Which one do you mean? 1. ... 2. ..." with the pick kept for the answer.
    func choose(_ tasks: [TodoTask], for call: ToolCall, intent: Intent, question: String? = nil) -> ChatPlan {
        let lines = tasks.enumerated().map { "\($0.offset + 1). \(label($0.element))" }
        let text = (question ?? "Which one do you mean?") + "\n" + lines.joined(separator: "\n")
        return .clarify(
            text, intent: intent, pending: .chooseTask(call, candidates: tasks.map(\.id)), taskIDs: tasks.map(\.id))
    }

    func notFound(_ phrase: String, intent: Intent) -> ChatPlan {
        .clarify("I couldn't find a task matching '\(phrase)'. Which task do you mean?", intent: intent)
    }

    static func call(_ tool: String, _ members: [String: JSONValue]) -> ToolCall {
        ToolCall(tool: tool, arguments: .object(members))
    }
}
