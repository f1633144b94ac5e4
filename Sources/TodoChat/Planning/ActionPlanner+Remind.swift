import TodoCore
import TodoDateText

extension ActionPlanner {
    /// "remind me about the dentist at 8am", "remind me 30 minutes before" (about the task the
    /// conversation is on), "remind me tomorrow at 9 to call mom" (a new task).
    func planReminder(_ recognized: RecognizedIntent) -> ChatPlan {
        var tokens = recognized.slots[.mixed] ?? []
        while let first = tokens.first, ["me", ","].contains(first.word) { tokens.removeFirst() }
        let words = tokens.map { $0.quoted ? "" : $0.word }

        // "... to call mom": a new task; its date is when it is due.
        if let start = words.firstIndex(where: { $0 == "to" || $0 == "that" }), start + 1 < tokens.count,
            !words[..<start].contains(where: { ["about", "of", "for", "on"].contains($0) })
        {
            let details = context.extractor.extract(tokens)
            if let title = TitleSplitter.split(TitleCleaner.stripLeadIns(details.rest)).first, !title.isEmpty {
                return planAdd(details, remind: true)
            }
        }

        guard let (request, range) = reminderRequest(words) else {
            return .clarify("When should I remind you? For example 'at 8am' or '30 minutes before'.", intent: .remind)
        }
        var rest = tokens
        rest.removeSubrange(range)
        rest = TitleCleaner.trim(rest).drop { ["about", "of", "for", "on", "to"].contains($0.word) }.map { $0 }

        // With no task named, the reminder is for the task the conversation is about.
        let named = ReferenceParser().parse(TitleCleaner.trim(rest))
        let reference = named == .none ? TaskReference.pronoun(plural: false) : named
        switch context.resolver.resolve(reference, for: .pending) {
        case .one(let task):
            return setReminder(request, on: task)
        case .many(let tasks):
            let plans = tasks.map { setReminder(request, on: $0) }
            if let question = plans.first(where: { $0.kind != .act }) { return question }
            return ChatPlan(.act, intent: .remind, calls: plans.flatMap(\.calls), taskIDs: tasks.map(\.id))
        case .ambiguous(let tasks):
            guard let members = reminderMembers(request, due: nil) else {
                return .clarify("Which one do you mean?", intent: .remind, taskIDs: tasks.map(\.id))
            }
            return choose(tasks, for: Self.call("set_reminder", members), intent: .remind)
        case .notFound:
            // "remind me about the dentist at 8am" with no such task: a new one, due then.
            var details = TaskDetails()
            details.rest = rest
            if case .at(let value) = request { details.due = value }
            return planAdd(details, remind: true)
        case .unspecified:
            return .clarify("Which task should I remind you about?", intent: .remind)
        }
    }

    /// The first reminder offset ("30 minutes before") or time in `words`, and the words it spans.
    private func reminderRequest(_ words: [String]) -> (ReminderRequest, Range<Int>)? {
        if let offset = ReminderOffsetRecognizer().matches(in: words).first {
            return (.before(minutes: offset.minutes), offset.range)
        }
        let dates = DateRecognizer(context: context.dates).matches(in: words)
        guard let date = dates.first(where: { !EntityExtractor.isUnclear($0.value) }) else { return nil }
        return (.at(date.value), date.range)
    }

    private func setReminder(_ request: ReminderRequest, on task: TodoTask) -> ChatPlan {
        if case .before = request, task.due == nil {
            return .clarify(
                "'\(task.title)' has no due date, so I can't remind you before it. When is it due?", intent: .remind,
                pending: .supplyDate([
                    Self.call(
                        "update_task",
                        [
                            "task_id": .string(task.id),
                            "reminders": .array(
                                (TaskJSONValue.reminders(task.reminders).arrayValue ?? [])
                                    + [arguments.reminder(request, due: nil)].compactMap { $0 }),
                        ])
                ]), taskIDs: [task.id])
        }
        guard let members = reminderMembers(request, due: task.due) else {
            return .clarify("When should I remind you?", intent: .remind, taskIDs: [task.id])
        }
        return ChatPlan(
            .act, intent: .remind, calls: [Self.filled(Self.call("set_reminder", members), with: task.id)],
            taskIDs: [task.id])
    }

    private func reminderMembers(_ request: ReminderRequest, due: Due?) -> [String: JSONValue]? {
        arguments.reminder(request, due: due)?.objectValue
    }
}
