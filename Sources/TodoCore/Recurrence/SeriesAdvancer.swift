import Foundation

/// Creates the next instance of a series once an instance is completed: the work of the
/// recurring-task service, done in the caller's transaction so that the new task, the series'
/// bookkeeping and the new task's events commit together (with the consumer's processed mark).
///
/// Exactly once in effect: only the series' newest instance leads on (`lastOccurrence`), the
/// series row is updated under its version, and storage keeps (series, occurrence) unique. So a
/// redelivered event, complete → reopen → complete, or two consumers racing create one instance.
public struct SeriesAdvancer: Sendable {
    /// Why completing a task created nothing.
    public enum Skip: String, Sendable {
        /// The task or its owner is gone.
        case notFound = "not_found"
        /// The task was reopened before the event was handled.
        case notCompleted = "not_completed"
        case notRepeating = "not_repeating"
        /// A later instance already exists (or existed, and was deleted).
        case notNewest = "not_newest"
        /// COUNT or UNTIL leaves no further occurrence.
        case seriesEnded = "series_ended"
    }

    public enum Outcome: Sendable, Equatable {
        case created(TodoTask)
        case skipped(Skip)
    }

    /// Another transaction changed the series meanwhile (409 through the API); retrying sees the
    /// change, which the consumer runner does by itself.
    static let seriesChanged = AppError.conflict(
        "The repeating task changed meanwhile; try again", code: "series_changed")

    private let ids: any IDGenerator
    private let events: TaskEventFactory

    public init(ids: any IDGenerator) {
        self.ids = ids
        events = TaskEventFactory(ids: ids)
    }

    /// Creates the instance that follows the task `taskID` of `ownerID`, if it is a completed
    /// instance of a series and the newest one.
    public func advance(
        taskID: String, ownerID: String, in transaction: any StoreWriter, now: Date, context: ChangeContext
    ) throws -> Outcome {
        guard let user = try transaction.user(id: ownerID),
            var task = try transaction.task(id: taskID, ownerID: ownerID)
        else { return .skipped(.notFound) }
        guard task.completed else { return .skipped(.notCompleted) }
        guard task.recurrence != nil else { return .skipped(.notRepeating) }

        let timeZone = user.timeZone
        var series = try seriesOf(&task, user: user, in: transaction, now: now, context: context)
        guard task.occurrence == series.lastOccurrence else { return .skipped(.notNewest) }
        guard let next = SeriesPlanner.next(after: task, in: series, timeZone: timeZone) else {
            return .skipped(.seriesEnded)
        }

        let instance = Self.instance(
            following: task, in: series, at: next, timeZone: timeZone, id: ids.next(), now: now)
        try transaction.insert(task: instance)
        let expectedVersion = series.version
        series.lastOccurrence += 1
        series.lastScheduled = next
        series.updatedAt = now
        series.version += 1
        guard try transaction.update(series: series, expectedVersion: expectedVersion) else { throw Self.seriesChanged }

        try transaction.append(
            events.messages(
                for: TaskChange(before: nil, after: instance), timeZone: timeZone, context: context, at: now))
        return .created(instance)
    }

    /// The next instance: a copy of the completed one's title, description, priority, tags and
    /// reminder offsets (reminders at a fixed instant belong to that instance only), due at `next`.
    static func instance(
        following task: TodoTask, in series: TaskSeries, at next: ScheduledTime, timeZone: TimeZone, id: String,
        now: Date
    ) -> TodoTask {
        let due = next.due(in: timeZone)
        let offsets = task.reminders.filter { if case .before = $0 { true } else { false } }
        return TodoTask(
            id: id, ownerID: task.ownerID, title: task.title, description: task.description, priority: task.priority,
            tags: task.tags, due: due, deadline: due.deadline(in: timeZone), recurrence: series.rule.text,
            recurrenceMode: series.mode, seriesID: series.id, occurrence: series.lastOccurrence + 1,
            reminders: offsets, createdAt: now, updatedAt: now)
    }

    /// The task's series. A repeating task from before series existed gets one now, with itself as
    /// the first occurrence; that change to the task is written with its events.
    private func seriesOf(
        _ task: inout TodoTask, user: User, in transaction: any StoreWriter, now: Date, context: ChangeContext
    ) throws -> TaskSeries {
        if let seriesID = task.seriesID, task.occurrence != nil,
            let series = try transaction.series(id: seriesID, ownerID: user.id)
        {
            return series
        }

        let before = task
        let editor = SeriesEditor(
            transaction: transaction, user: user, now: now, ids: ids, events: events, context: context)
        try editor.startSeries(for: &task)
        guard let seriesID = task.seriesID, let series = try transaction.series(id: seriesID, ownerID: user.id) else {
            throw AppError.internal("start series for task \(task.id): the task has no due time")
        }
        task.updatedAt = now
        task.version += 1
        guard try transaction.update(task: task, expectedVersion: before.version) else { throw Self.seriesChanged }
        try transaction.append(
            events.messages(
                for: TaskChange(before: before, after: task), timeZone: user.timeZone, context: context, at: now))
        return series
    }
}
