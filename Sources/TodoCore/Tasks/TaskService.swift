import Foundation

/// The task use cases: every change to a task goes through here, inside one store transaction
/// that also appends the events the change causes (``TaskEventFactory``), so that a change and its
/// events commit together or not at all.
///
/// `context` names what caused a change (the request's correlation id, the emitting service); it
/// is carried into every event.
public struct TaskService: Sendable {
    private let store: any Store
    private let clock: any TimeSource
    private let ids: any IDGenerator
    private let events: TaskEventFactory

    public init(store: any Store, clock: any TimeSource, ids: any IDGenerator) {
        self.store = store
        self.clock = clock
        self.ids = ids
        events = TaskEventFactory(ids: ids)
    }

    public func create(
        for user: User, _ changes: TaskChanges, context: ChangeContext = .unattributed
    ) throws -> TodoTask {
        let now = clock.now
        var task = TodoTask(id: ids.next(), ownerID: user.id, title: "", createdAt: now, updatedAt: now)
        try apply(changes, to: &task, timeZone: user.timeZone, now: now)

        return try store.write { transaction in
            // A repeating task starts its series: it is the first occurrence.
            if task.recurrence != nil {
                try editor(for: user, in: transaction, now: now, context: context).startSeries(for: &task)
            }
            try transaction.insert(task: task)
            try transaction.append(
                events.messages(
                    for: TaskChange(before: nil, after: task), timeZone: user.timeZone, context: context, at: now))
            return task
        }
    }

    public func get(for user: User, id: String) throws -> TodoTask {
        try store.read { transaction in
            try Self.existing(id, of: user, in: transaction)
        }
    }

    public func list(for user: User, query: TaskQuery) throws -> TaskPage {
        let now = clock.now
        return try store.read { transaction in
            try transaction.tasks(ownerID: user.id, query: query, now: now)
        }
    }

    public func tags(for user: User) throws -> [TagUsage] {
        try store.read { transaction in
            try transaction.tags(ownerID: user.id)
        }
    }

    /// Applies `changes` to the task; `expectedVersion` (from `If-Match`) guards against lost updates.
    /// For an occurrence of a repeating task, `scope` says whether later occurrences change too.
    public func update(
        for user: User, id: String, _ changes: TaskChanges, expectedVersion: Int? = nil, scope: OccurrenceScope = .this,
        context: ChangeContext = .unattributed
    ) throws -> TodoTask {
        try store.write { transaction in
            let current = try Self.existing(id, of: user, in: transaction)
            try Self.check(current, expectedVersion: expectedVersion)

            let now = clock.now
            var task = current
            try apply(changes, to: &task, timeZone: user.timeZone, now: now)
            let editor = editor(for: user, in: transaction, now: now, context: context)
            let series = try editor.reconcile(current: current, changed: &task, changes: changes, scope: scope)

            if task != current {
                task.updatedAt = now
                task.version = current.version + 1
            }
            for change in [TaskChange(before: current, after: task)] + series.later {
                guard let before = change.before, let after = change.after, after != before else { continue }
                guard try transaction.update(task: after, expectedVersion: before.version) else { throw Self.notFound }
                try transaction.append(
                    events.messages(for: change, timeZone: user.timeZone, context: context, at: now))
            }
            if let left = series.leftSeries { try editor.removeIfEmpty(left) }
            return task
        }
    }

    /// Marks the task done. Completing a completed task changes nothing.
    public func complete(
        for user: User, id: String, expectedVersion: Int? = nil, context: ChangeContext = .unattributed
    ) throws -> TodoTask {
        var changes = TaskChanges()
        changes.completed = .set(true)
        return try update(for: user, id: id, changes, expectedVersion: expectedVersion, context: context)
    }

    /// Marks the task not done. Reopening a pending task changes nothing.
    public func reopen(
        for user: User, id: String, expectedVersion: Int? = nil, context: ChangeContext = .unattributed
    ) throws -> TodoTask {
        var changes = TaskChanges()
        changes.completed = .set(false)
        return try update(for: user, id: id, changes, expectedVersion: expectedVersion, context: context)
    }

    /// Deletes the task, and with scope `following` every later occurrence of its series too.
    /// The series never brings back a deleted occurrence (see ``TaskSeries``).
    public func delete(
        for user: User, id: String, expectedVersion: Int? = nil, scope: OccurrenceScope = .this,
        context: ChangeContext = .unattributed
    ) throws {
        let now = clock.now
        try store.write { transaction in
            let task = try Self.existing(id, of: user, in: transaction)
            try Self.check(task, expectedVersion: expectedVersion)

            var doomed = [task]
            if scope == .following, let seriesID = task.seriesID, let occurrence = task.occurrence {
                doomed += try transaction.tasks(seriesID: seriesID, ownerID: user.id, fromOccurrence: occurrence + 1)
            }
            for victim in doomed {
                guard try transaction.deleteTask(id: victim.id, ownerID: user.id) else { throw Self.notFound }
                try transaction.append(
                    events.messages(
                        for: TaskChange(before: victim, after: nil), timeZone: user.timeZone, context: context, at: now)
                )
            }
            if let seriesID = task.seriesID {
                try editor(for: user, in: transaction, now: now, context: context).removeIfEmpty(seriesID)
            }
        }
    }

    /// Recomputes the deadlines of all-day tasks after the owner's timezone changed; runs in the
    /// caller's transaction so that the user, their tasks and the events change together.
    public static func refreshDeadlines(
        of user: User, in transaction: any StoreWriter, now: Date, events: TaskEventFactory, context: ChangeContext
    ) throws {
        for current in try transaction.allDayTasks(ownerID: user.id) {
            var task = current
            task.deadline = task.due?.deadline(in: user.timeZone)
            guard task.deadline != current.deadline else { continue }

            task.updatedAt = now
            task.version += 1
            _ = try transaction.update(task: task, expectedVersion: current.version)
            try transaction.append(
                events.messages(
                    for: TaskChange(before: current, after: task), timeZone: user.timeZone, context: context, at: now))
        }
    }

    // MARK: Internals

    static let notFound = AppError.notFound("Task", code: "task_not_found")

    private static func existing(_ id: String, of user: User, in reader: any StoreReader) throws -> TodoTask {
        guard UUIDv7Generator.isWellFormed(id), let task = try reader.task(id: id, ownerID: user.id) else {
            throw notFound
        }
        return task
    }

    private static func check(_ task: TodoTask, expectedVersion: Int?) throws {
        guard let expectedVersion, expectedVersion != task.version else { return }
        throw AppError(
            .preconditionFailed, code: "version_mismatch",
            message: "The task was changed by someone else (version \(task.version), expected \(expectedVersion))",
            details: .object(["current_version": .number(Double(task.version))]))
    }

    private func editor(
        for user: User, in transaction: any StoreWriter, now: Date, context: ChangeContext
    ) -> SeriesEditor {
        SeriesEditor(
            transaction: transaction, user: user, now: now, ids: ids, events: events, context: context)
    }

    private func apply(_ changes: TaskChanges, to task: inout TodoTask, timeZone: TimeZone, now: Date) throws {
        if let title = changes.title.value { task.title = title }
        if case .set(let description) = changes.description { task.description = description }
        if let priority = changes.priority.value { task.priority = priority }
        if let tags = changes.tags.value { task.tags = tags }
        if case .set(let recurrence) = changes.recurrence { task.recurrence = recurrence }
        if case .set(let mode) = changes.recurrenceMode { task.recurrenceMode = mode ?? .fromSchedule }
        if task.recurrence == nil {
            task.recurrenceMode = nil
        } else if task.recurrenceMode == nil {
            task.recurrenceMode = .fromSchedule
        }
        if let reminders = changes.reminders.value { task.reminders = reminders }
        if case .set(let due) = changes.due {
            task.due = due
            task.deadline = due?.deadline(in: timeZone)
        }
        if let completed = changes.completed.value, completed != task.completed {
            task.completed = completed
            task.completedAt = completed ? now : nil
        }

        var problems = ValidationErrors()
        let needsDue = task.reminders.contains { if case .before = $0 { true } else { false } }
        if needsDue, task.due == nil {
            problems.add(
                "reminders", code: "requires_due", "A reminder before the due time needs the task to have a due time")
        }
        if task.recurrence != nil, task.due == nil {
            problems.add(
                "recurrence", code: "requires_due", "A repeating task needs a due date or time to repeat from")
        }
        if case .set(.some) = changes.recurrenceMode, task.recurrence == nil {
            problems.add(
                "recurrence_mode", code: "requires_recurrence", "recurrence_mode needs the task to have a recurrence")
        }
        try problems.throwIfAny()
    }
}
