import TodoCore
import TodoDateText

extension ActionPlanner {
    /// Changes one field or several of the task a reference names.
    func planUpdate(_ recognized: RecognizedIntent) -> ChatPlan {
        let kind = recognized.update ?? .change
        if kind == .rename { return planRename(recognized) }
        switch readChange(recognized, kind) {
        case .failure(let stop): return stop.plan
        case .success(let (referenceTokens, change)): return apply(change, to: referenceTokens)
        }
    }

    /// Runs `change` on the task `referenceTokens` name, asking when that is unclear.
    func apply(_ change: RequestedChange, to referenceTokens: [Token]) -> ChatPlan {
        let reference = ReferenceParser().parse(TitleCleaner.reference(referenceTokens))
        switch context.resolver.resolve(reference, for: .pending) {
        case .one(let task):
            return apply(change, to: [task])
        case .many(let tasks):
            return apply(change, to: tasks)
        case .ambiguous(let tasks):
            switch change.members(for: nil, arguments: arguments) {
            case .success(let members):
                return choose(tasks, for: Self.call("update_task", members), intent: .update)
            case .failure:
                let names = tasks.map { label($0) }.joined(separator: ", ")
                return .clarify("Which one do you mean: \(names)?", intent: .update, taskIDs: tasks.map(\.id))
            }
        case .notFound(let phrase):
            return notFound(phrase, intent: .update)
        case .unspecified:
            return .clarify("Which task do you mean?", intent: .update)
        }
    }

    private func apply(_ change: RequestedChange, to tasks: [TodoTask]) -> ChatPlan {
        var calls: [ToolCall] = []
        for task in tasks {
            switch change.members(for: task, arguments: arguments) {
            case .success(let members):
                guard !members.isEmpty else { return .clarify("What should I change?", intent: .update) }
                calls.append(Self.filled(Self.call("update_task", members), with: task.id))
            case .failure(let question):
                let pending =
                    question.asksForDate
                    ? PendingAction.supplyDate([
                        Self.call(
                            "update_task",
                            [
                                "task_id": .string(task.id)
                            ])
                    ]) : nil
                return .clarify(question.text, intent: .update, pending: pending, taskIDs: [task.id])
            }
        }
        return ChatPlan(.act, intent: .update, calls: calls, taskIDs: tasks.map(\.id))
    }

    private func readChange(_ recognized: RecognizedIntent, _ kind: UpdateKind) -> Result<
        ([Token], RequestedChange), Plan
    > {
        let slots = recognized.slots
        let extractor = context.extractor
        let mixed = slots[.mixed]
        var reference = slots[.reference] ?? []
        let value = slots[.value] ?? []

        switch kind {
        case .reschedule, .shiftLater, .shiftEarlier:
            if kind != .reschedule, let (count, unit) = RequestedChange.shiftAmount(value.words) {
                return .success((reference, .shift(count: count, unit: unit, later: kind == .shiftLater)))
            }
            let details = extractor.extract(mixed ?? value)
            if mixed != nil { reference = details.rest }
            guard let due = details.due else {
                return .success((reference, .reschedule(.unclear(reason: "That does not say when"))))
            }
            return .success((reference, .reschedule(due)))
        case .priority:
            let level = recognized.priority ?? PriorityWords.level(in: value)
            guard let level else {
                return .failure(
                    Plan(
                        .clarify(
                            "What priority should it have: urgent, high, medium or low?",
                            intent: .update)))
            }
            return .success((reference, .priority(level)))
        case .tag:
            if let mixed {
                let (names, rest) = Self.splitTagPhrase(mixed)
                guard !names.isEmpty else {
                    return .failure(Plan(.clarify("Which tag should I add?", intent: .update)))
                }
                return .success((rest, .addTags(names)))
            }
            return .success((reference, .addTags(Self.tagNames(slots[.tags] ?? []))))
        case .untag:
            let names = slots[.tags].map(Self.tagNames)
            return .success((reference, .removeTags(names)))
        case .repeats:
            let details = extractor.extract(mixed ?? value)
            if mixed != nil { reference = details.rest }
            if let reason = details.unsupportedRecurrence {
                return .failure(Plan(.reply(reason + ".", intent: .update)))
            }
            guard let pattern = details.recurrence else {
                return .failure(
                    Plan(
                        .clarify(
                            "How often should it repeat? For example 'every Monday' or 'monthly on the 1st'.",
                            intent: .update)))
            }
            return .success((reference, .repeats(pattern)))
        case .stopRepeating:
            return .success((reference, .stopRepeating))
        case .clearDue:
            return .success((reference, .clearDue))
        case .change, .assertion, .rename:
            let details = extractor.extract(mixed ?? value)
            if let reason = details.unsupportedRecurrence {
                return .failure(Plan(.reply(reason + ".", intent: .update)))
            }
            if mixed != nil { reference = details.rest }
            if details.isEmpty {
                if kind == .change, let mixed, mixed.contains(where: { ["to", "as"].contains($0.word) }) {
                    return .failure(
                        Plan(
                            planRename(
                                RecognizedIntent(
                                    intent: .update, update: .rename, slots: [.mixed: mixed], tokens: recognized.tokens)
                            )))
                }
                if kind == .assertion { return .failure(Plan(planUnknown(recognized))) }
                return .failure(Plan(.clarify("What should I change about it?", intent: .update)))
            }
            return .success((reference, .details(details)))
        }
    }

    /// "rename X to Y", "change the title of X to Y": tries each "to" (or "as") from the left and
    /// takes the first whose left side names exactly one task.
    func planRename(_ recognized: RecognizedIntent) -> ChatPlan {
        var splits: [([Token], [Token])] = []
        if let reference = recognized.slots[.reference], let value = recognized.slots[.value] {
            splits = [(reference, value)]
        } else if let mixed = recognized.slots[.mixed] {
            for (index, token) in mixed.enumerated() where ["to", "as"].contains(token.word) && !token.quoted {
                if index > 0, index + 1 < mixed.count {
                    splits.append((Array(mixed[..<index]), Array(mixed[(index + 1)...])))
                }
            }
        }
        guard !splits.isEmpty else { return .clarify("What should I rename it to?", intent: .update) }

        let resolver = context.resolver
        let chosen =
            splits.first { split in
                if case .one = resolver.resolve(ReferenceParser().parse(TitleCleaner.trim(split.0)), for: .pending) {
                    return true
                }
                return false
            } ?? splits[0]
        guard let title = TitleCleaner.title(chosen.1) else {
            return .clarify("What should I rename it to?", intent: .update)
        }
        return apply(.rename(title), to: chosen.0)
    }

    /// "it home", "the dentist task with health", "milk #errands", "it as work and personal".
    static func splitTagPhrase(_ tokens: [Token]) -> ([String], [Token]) {
        let hashed = tokens.filter { !$0.quoted && $0.word.hasPrefix("#") }
        if !hashed.isEmpty {
            let rest = tokens.filter { !($0.word.hasPrefix("#") || ["with", "as"].contains($0.word)) || $0.quoted }
            return (tagNames(hashed), rest)
        }
        if let split = tokens.lastIndex(where: { ["with", "as"].contains($0.word) && !$0.quoted }) {
            return (tagNames(Array(tokens[(split + 1)...])), Array(tokens[..<split]))
        }
        guard let last = tokens.last, tokens.count > 1 else { return ([], tokens) }
        return (tagNames([last]), Array(tokens.dropLast()))
    }

    static func tagNames(_ tokens: [Token]) -> [String] {
        let names = tokens.filter { !$0.isPunctuation && !["and", "the", "tag", "tags", "&"].contains($0.word) }
            .compactMap { try? Tag.normalize($0.text).get() }
        return Tag.deduplicate(names)
    }

    /// A plan carried as an error, so that reading a change can stop with a question.
    struct Plan: Error {
        let plan: ChatPlan

        init(_ plan: ChatPlan) {
            self.plan = plan
        }
    }
}
