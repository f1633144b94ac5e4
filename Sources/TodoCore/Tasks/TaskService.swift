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

        let messages = events.messages(
            for: TaskChange(before: nil, after: task), timeZone: user.timeZone, context: context, at: now)
        try store.write { transaction in
            try transaction.insert(task: task)
            try transaction.append(messages)
        }
        return task
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
    public func update(
        for user: User, id: String, _ changes: TaskChanges, expectedVersion: Int? = nil,
        context: ChangeContext = .unattributed
    ) throws -> TodoTask {
        try modify(for: user, id: id, expectedVersion: expectedVersion, context: context) { task, now in
            try apply(changes, to: &task, timeZone: user.timeZone, now: now)
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

    public func delete(
        for user: User, id: String, expectedVersion: Int? = nil, context: ChangeContext = .unattributed
    ) throws {
        let now = clock.now
        try store.write { transaction in
            let task = try Self.existing(id, of: user, in: transaction)
            try Self.check(task, expectedVersion: expectedVersion)

            guard try transaction.deleteTask(id: id, ownerID: user.id) else { throw Self.notFound }
            try transaction.append(
                events.messages(
                    for: TaskChange(before: task, after: nil), timeZone: user.timeZone, context: context, at: now))
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

    private func modify(
        for user: User, id: String, expectedVersion: Int?, context: ChangeContext,
        _ change: (inout TodoTask, Date) throws -> Void
    ) throws -> TodoTask {
        try store.write { transaction in
            let current = try Self.existing(id, of: user, in: transaction)
            try Self.check(current, expectedVersion: expectedVersion)

            let now = clock.now
            var task = current
            try change(&task, now)
            guard task != current else { return current }

            task.updatedAt = now
            task.version = current.version + 1
            guard try transaction.update(task: task, expectedVersion: current.version) else { throw Self.notFound }
            try transaction.append(
                events.messages(
                    for: TaskChange(before: current, after: task), timeZone: user.timeZone, context: context, at: now))
            return task
        }
    }

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

    private func apply(_ changes: TaskChanges, to task: inout TodoTask, timeZone: TimeZone, now: Date) throws {
        if let title = changes.title.value { task.title = title }
        if case .set(let description) = changes.description { task.description = description }
        if let priority = changes.priority.value { task.priority = priority }
        if let tags = changes.tags.value { task.tags = tags }
        if case .set(let recurrence) = changes.recurrence { task.recurrence = recurrence }
        if let reminders = changes.reminders.value { task.reminders = reminders }
        if case .set(let due) = changes.due {
            task.due = due
            task.deadline = due?.deadline(in: timeZone)
        }
        if let completed = changes.completed.value, completed != task.completed {
            task.completed = completed
            task.completedAt = completed ? now : nil
        }

        let needsDue = task.reminders.contains { if case .before = $0 { true } else { false } }
        if needsDue, task.due == nil {
            var problems = ValidationErrors()
            problems.add(
                "reminders", code: "requires_due", "A reminder before the due time needs the task to have a due time")
            try problems.throwIfAny()
        }
    }
}
