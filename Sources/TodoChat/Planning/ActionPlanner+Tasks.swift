import TodoCore

extension ActionPlanner {
    /// Complete, reopen or delete the tasks a reference names.
    func planTaskChange(_ recognized: RecognizedIntent) -> ChatPlan {
        let intent = recognized.intent
        // "done" alone is about the task the conversation is on.
        let named = ReferenceParser().parse(TitleCleaner.reference(recognized.slots[.reference] ?? []))
        let reference = named == .none ? TaskReference.pronoun(plural: false) : named
        let purpose: ResolutionPurpose = intent == .reopen ? .completed : .pending
        let template = Self.template(for: intent)

        switch context.resolver.resolve(reference, for: purpose) {
        case .one(let task):
            return planTaskChange(intent, on: [task], template: template)
        case .many(let tasks):
            return planTaskChange(intent, on: tasks, template: template, bulk: true)
        case .ambiguous(let tasks):
            return choose(tasks, for: template, intent: intent)
        case .notFound(let phrase):
            return notFound(phrase, intent: intent)
        case .unspecified:
            return .clarify("Which task do you mean?", intent: intent)
        }
    }

    /// The call for one task, without its `task_id`.
    static func template(for intent: Intent) -> ToolCall {
        switch intent {
        case .delete: call("delete_task", [:])
        case .reopen: call("update_task", ["completed": false])
        default: call("complete_task", [:])
        }
    }

    static func filled(_ template: ToolCall, with id: String) -> ToolCall {
        var members = template.arguments.objectValue ?? [:]
        members["task_id"] = .string(id)
        return ToolCall(tool: template.tool, arguments: .object(members))
    }

    private func planTaskChange(_ intent: Intent, on tasks: [TodoTask], template: ToolCall, bulk: Bool = false)
        -> ChatPlan
    {
        var targets = tasks
        if intent == .complete { targets = tasks.filter { !$0.completed } }
        if intent == .reopen { targets = tasks.filter(\.completed) }
        guard !targets.isEmpty else {
            let names = tasks.map { "'\($0.title)'" }.joined(separator: ", ")
            let state = intent == .complete ? "already done" : "not marked done"
            let verb = tasks.count == 1 ? "is" : "are"
            return .reply("\(names) \(verb) \(state).", intent: intent, taskIDs: tasks.map(\.id))
        }

        let calls = targets.map { Self.filled(template, with: $0.id) }
        let asks = intent == .delete ? targets.count > 1 : bulk && targets.count > Self.bulkCompletionLimit
        guard asks else { return ChatPlan(.act, intent: intent, calls: calls, taskIDs: targets.map(\.id)) }

        let verb = intent == .delete ? "Delete" : intent == .complete ? "Mark" : "Reopen"
        let suffix = intent == .complete ? " as done" : ""
        let shown = targets.prefix(10).map { "- \(label($0))" }.joined(separator: "\n")
        let more = targets.count > 10 ? "\n…and \(targets.count - 10) more" : ""
        let question = "\(verb) these \(targets.count) tasks\(suffix)?\n\(shown)\(more)\nSay yes to go ahead."
        return ChatPlan(
            .confirm, intent: intent, calls: calls, message: question, pending: .confirm(calls),
            taskIDs: targets.map(\.id))
    }
}
