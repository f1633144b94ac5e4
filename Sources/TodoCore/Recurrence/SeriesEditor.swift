import Foundation

/// Keeps a series in step with a change to one of its occurrences, inside the transaction of that
/// change: starting a series when a task begins to repeat, moving the schedule when the rule or
/// (for this and following occurrences) the due time changes, and handing back the changes that
/// later occurrences take. The caller writes those, with their events.
struct SeriesEditor {
    /// What a change means for the other occurrences of its series.
    struct Outcome {
        /// Later occurrences, before and after taking the change.
        var later: [TaskChange] = []
        /// The series the task left; removed once no task belongs to it.
        var leftSeries: String?
    }

    let transaction: any StoreWriter
    let user: User
    let now: Date
    let ids: any IDGenerator
    let events: TaskEventFactory
    let context: ChangeContext

    private var timeZone: TimeZone { user.timeZone }

    /// Starts a series whose first occurrence is `task`, anchored at its due time, and writes it.
    func startSeries(for task: inout TodoTask) throws {
        guard let text = task.recurrence, let due = task.due else { return }
        guard let rule = RecurrenceRule(stored: text) else { throw AppError.internal("start series: unreadable rule") }

        let series = TaskSeries(
            id: ids.next(), ownerID: user.id, rule: rule, mode: task.recurrenceMode ?? .fromSchedule,
            anchor: .of(due, in: timeZone), createdAt: now, updatedAt: now)
        try transaction.insert(series: series)
        task.seriesID = series.id
        task.occurrence = 1
        task.recurrenceMode = series.mode
    }

    /// Brings the series of `task` (which was `current` before `changes`) up to date.
    func reconcile(
        current: TodoTask, changed task: inout TodoTask, changes: TaskChanges, scope: OccurrenceScope
    ) throws -> Outcome {
        var outcome = Outcome()

        // No longer repeating: the task leaves its series, and with `following` so do later ones.
        guard task.recurrence != nil else {
            guard let seriesID = current.seriesID, let occurrence = current.occurrence else { return outcome }
            task.seriesID = nil
            task.occurrence = nil
            if scope == .following {
                outcome.later = try later(seriesID, after: occurrence) { later in
                    Self.applyContent(changes, to: &later)
                    later.recurrence = nil
                    later.recurrenceMode = nil
                    later.seriesID = nil
                    later.occurrence = nil
                }
            }
            outcome.leftSeries = seriesID
            return outcome
        }

        // Newly repeating, or repeating from before series existed: this task starts one.
        guard let seriesID = current.seriesID, let occurrence = current.occurrence,
            var series = try transaction.series(id: seriesID, ownerID: user.id)
        else {
            try startSeries(for: &task)
            return outcome
        }

        let ruleChanged = task.recurrence != current.recurrence || task.recurrenceMode != current.recurrenceMode
        let moved = scope == .following && task.due != current.due
        if ruleChanged || moved {
            try reanchor(&series, at: task, was: current)
            task.recurrence = series.rule.text
        }
        guard scope == .following || ruleChanged else { return outcome }

        outcome.later = try later(seriesID, after: occurrence) { later in
            if scope == .following { Self.applyContent(changes, to: &later) }
            later.recurrence = series.rule.text
            later.recurrenceMode = series.mode
        }
        return outcome
    }

    /// Removes the series once none of the user's tasks belongs to it any more.
    func removeIfEmpty(_ seriesID: String) throws {
        guard try transaction.tasks(seriesID: seriesID, ownerID: user.id, fromOccurrence: 1).isEmpty else { return }
        _ = try transaction.deleteSeries(id: seriesID, ownerID: user.id)
    }

    // MARK: Internals

    /// Restarts the schedule at `task`'s due time with its rule and mode. When the rule itself is
    /// unchanged, its COUNT is rewritten to the occurrences it had left, so that moving the series
    /// does not lengthen it.
    private func reanchor(_ series: inout TaskSeries, at task: TodoTask, was current: TodoTask) throws {
        guard let text = task.recurrence, let due = task.due, var rule = RecurrenceRule(stored: text),
            let occurrence = current.occurrence
        else { throw AppError.internal("re-anchor series \(series.id): unreadable rule or no due time") }

        let mode = task.recurrenceMode ?? .fromSchedule
        let anchor = ScheduledTime.of(due, in: timeZone)
        if task.recurrence == current.recurrence, let count = series.rule.count {
            rule = rule.replacingCount(
                with: remainingCount(series, count: count, current: current, newAnchor: anchor, newMode: mode))
        }

        let expectedVersion = series.version
        series.rule = rule
        series.mode = mode
        series.anchor = anchor
        series.anchorOccurrence = occurrence
        if occurrence == series.lastOccurrence { series.lastScheduled = anchor }
        series.updatedAt = now
        series.version += 1
        guard try transaction.update(series: series, expectedVersion: expectedVersion) else {
            throw SeriesAdvancer.seriesChanged
        }
    }

    /// The COUNT that leaves the series as many occurrences from `newAnchor` on as it had left
    /// from `current` on. (A schedule whose new anchor does not match the rule starts with the
    /// rule's next match instead; at the very end of a series that can give one more occurrence.)
    private func remainingCount(
        _ series: TaskSeries, count: Int, current: TodoTask, newAnchor: ScheduledTime, newMode: RecurrenceMode
    ) -> Int {
        let left: Int
        switch series.mode {
        case .fromSchedule:
            let reference = current.due.map { ScheduledTime.of($0, in: timeZone) } ?? series.anchor
            let schedule = RecurrenceSchedule(rule: series.rule, start: series.anchor, timeZone: timeZone)
            left = schedule.count(after: reference, limit: count)
        case .fromCompletion:
            left = count - ((current.occurrence ?? series.anchorOccurrence) - series.anchorOccurrence + 1)
        }

        var anchorCounts = newMode == .fromCompletion
        if !anchorCounts {
            let unbounded = RecurrenceSchedule(
                rule: series.rule, start: newAnchor, timeZone: timeZone, honoursCount: false)
            anchorCounts = unbounded.occurrences(limit: 1).first == newAnchor
        }
        return max(1, left + (anchorCounts ? 1 : 0))
    }

    /// The series' tasks after `occurrence`, each with `edit` applied; those it changed, with a new
    /// version.
    private func later(_ seriesID: String, after occurrence: Int, _ edit: (inout TodoTask) -> Void) throws
        -> [TaskChange]
    {
        try transaction.tasks(seriesID: seriesID, ownerID: user.id, fromOccurrence: occurrence + 1).compactMap {
            before in
            var after = before
            edit(&after)
            guard after != before else { return nil }
            after.updatedAt = now
            after.version = before.version + 1
            return TaskChange(before: before, after: after)
        }
    }

    /// The fields a change to this and following occurrences carries over to later ones.
    private static func applyContent(_ changes: TaskChanges, to task: inout TodoTask) {
        if let title = changes.title.value { task.title = title }
        if case .set(let description) = changes.description { task.description = description }
        if let priority = changes.priority.value { task.priority = priority }
        if let tags = changes.tags.value { task.tags = tags }
        if let reminders = changes.reminders.value { task.reminders = reminders }
    }
}
