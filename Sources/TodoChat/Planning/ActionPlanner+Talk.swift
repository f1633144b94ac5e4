import TodoCore
import TodoDateText

extension ActionPlanner {
    static let capabilities = """
        I can keep your to-do list for you. Try:
        - "add buy milk tomorrow at 5pm" or "remind me to call mom tonight"
        - "what's due this week?" or "show high priority work tasks"
        - "mark the dentist task done", "move it to Friday", "delete task 2"
        - "pay rent on the 1st of every month"
        """

    /// Greetings, thanks, help and small talk: a friendly reply and no action.
    func planTalk(_ recognized: RecognizedIntent) -> ChatPlan {
        let words = recognized.tokens.words
        let reply: String
        switch recognized.intent {
        case .greeting:
            reply = "Hi! What can I do for you? You can add tasks, ask what's due, or change and complete tasks."
        case .thanks:
            reply = "You're welcome!"
        case .farewell:
            reply = "Bye for now. Your tasks will be here when you're back."
        case .clock:
            let time = DateDescriber.describe(context.dates.timeOfDay)
            let day = context.dates.today
            reply = "It's \(time) on \(day.weekday.name), \(CalendarWords.monthNames[day.month - 1]) \(day.day)."
        case .help:
            reply = Self.capabilities
        default:
            if words.contains("joke") {
                reply = "Why did the to-do list break up with the calendar? It needed more space. Anything to add?"
            } else if words.contains(where: ["bored", "tired", "stressed", "overwhelmed", "busy"].contains) {
                reply = "That sounds like a lot. Want to see what's due today, so we can pick one small thing?"
            } else if words.contains(where: ["robot", "bot", "human", "ai", "person", "name"].contains) {
                reply = "I'm the assistant for your to-do list: I add, find and update your tasks."
            } else {
                reply = "😊 Let me know if there's anything to add or check on your list."
            }
        }
        return .reply(reply, intent: recognized.intent)
    }

    /// "yes" or "no" with nothing pending.
    func planAcknowledgement(_ recognized: RecognizedIntent) -> ChatPlan {
        let reply = recognized.intent == .confirm ? "OK! What would you like to do?" : "OK, never mind."
        return .reply(reply, intent: recognized.intent)
    }

    /// A message no rule recognized. A question gets help. Words that read as a task — starting
    /// with a task verb ("buy milk") or carrying a date, repeat, priority or tag — are added;
    /// anything else might be a task, so the plan offers to add it and waits for a yes.
    func planUnknown(_ recognized: RecognizedIntent) -> ChatPlan {
        let questionWords: Set<String> = [
            "what", "how", "why", "when", "where", "who", "can", "could", "would", "is", "are", "do", "does", "will",
            "should", "which", "whats", "am", "did", "was", "were", "have", "has",
        ]
        let tokens = recognized.slots[.body] ?? recognized.tokens
        let isQuestion = questionWords.contains(tokens.first?.word ?? "") || recognized.tokens.last?.word == "?"
        let details = context.extractor.extract(TitleCleaner.stripLeadIns(tokens))
        let plan = planAdd(details, remind: false)
        let usable = plan.kind == .act || (plan.kind == .clarify && plan.pending != nil)
        guard !isQuestion, usable else {
            return .reply("I'm not sure what you mean. " + Self.capabilities, intent: .unknown)
        }
        let startsWithVerb = TitleSplitter.verbs.contains(tokens.first?.word ?? "")
        if startsWithVerb || !details.isEmpty || plan.kind != .act { return plan }

        let titles = plan.calls.compactMap { $0.arguments["title"]?.stringValue }.map { "'\($0)'" }
        let question = "Do you want me to add \(titles.joined(separator: " and ")) to your list?"
        return ChatPlan(.confirm, intent: .add, calls: plan.calls, message: question, pending: .confirm(plan.calls))
    }
}
