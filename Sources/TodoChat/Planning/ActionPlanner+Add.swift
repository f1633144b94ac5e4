import TodoCore
import TodoDateText

extension ActionPlanner {
    func planAdd(_ recognized: RecognizedIntent) -> ChatPlan {
        let body = TitleCleaner.stripLeadIns(recognized.slots[.body] ?? [])
        let details = context.extractor.extract(body)
        return planAdd(details, remind: recognized.remindOnAdd)
    }

    /// Adds one task per title in `details.rest`, each with the same details.
    func planAdd(_ details: TaskDetails, remind: Bool) -> ChatPlan {
        if let reason = details.unsupportedRecurrence {
            return .reply("\(reason). Tell me how often it should repeat, such as 'every day'.", intent: .add)
        }
        let titles = TitleSplitter.split(details.rest)
        guard !titles.isEmpty else {
            return .clarify("What should the task be called?", intent: .add)
        }

        let due = arguments.due(details.due, recurrence: details.recurrence)
        let calls = titles.map { addCall(title: $0, details: details, due: due, remind: remind) }
        if case .unclear(let reason) = details.due {
            let names = titles.map { "'\($0)'" }.joined(separator: " and ")
            return .clarify(
                "\(reason). When should \(names) be due? (Say 'no date' to add without one.)", intent: .add,
                pending: .supplyDate(calls))
        }
        let needsDue = details.reminders.contains { if case .before = $0 { true } else { false } }
        if needsDue, due == nil {
            return .clarify(
                "A reminder before a task needs a due time. When is '\(titles[0])' due?", intent: .add,
                pending: .supplyDate(calls))
        }
        return ChatPlan(.act, intent: .add, calls: calls)
    }

    func addCall(title: String, details: TaskDetails, due: Due?, remind: Bool) -> ToolCall {
        var members: [String: JSONValue] = ["title": .string(title)]
        if let priority = details.priority, priority != .none { members["priority"] = .string(priority.rawValue) }
        if !details.tags.isEmpty { members["tags"] = .array(details.tags.map(JSONValue.string)) }
        if let due { arguments.write(due, into: &members) }
        if let recurrence = details.recurrence { members["recurrence"] = .string(recurrence.rrule) }

        var reminders = details.reminders.compactMap { arguments.reminder($0, due: due) }
        if remind, reminders.isEmpty, let automatic = arguments.defaultReminder(for: due) {
            reminders.append(automatic)
        }
        if !reminders.isEmpty { members["reminders"] = .array(reminders) }
        return Self.call("add_task", members)
    }
}
