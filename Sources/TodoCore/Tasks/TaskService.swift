import Foundation

/// The task use cases: every change to a task goes through here, inside one store transaction,
/// so that validation, versioning and (later) the events a change causes stay in one place.
public struct TaskService: Sendable {
    private let store: any Store
    private let clock: any TimeSource
    private let ids: any IDGenerator

    public init(store: any Store, clock: any TimeSource, ids: any IDGenerator) {
        self.store = store
        self.clock = clock
        self.ids = ids
    }

    public func create(for user: User, _ changes: TaskChanges) throws -> TodoTask {
        let now = clock.now
        var task = TodoTask(id: ids.next(), ownerID: user.id, title: "", createdAt: now, updatedAt: now)
        try apply(changes, to: &task, timeZone: user.timeZone, now: now)

        try store.write { transaction in
            try transaction.insert(task: task)
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
        for user: User, id: String, _ changes: TaskChanges, expectedVersion: Int? = nil
    ) throws -> TodoTask {
        try modify(for: user, id: id, expectedVersion: expectedVersion) { task, now in
            try apply(changes, to: &task, timeZone: user.timeZone, now: now)
        }
    }

    /// Marks the task done. Completing a completed task changes nothing.
    public func complete(for user: User, id: String, expectedVersion: Int? = nil) throws -> TodoTask {
        var changes = TaskChanges()
        changes.completed = .set(true)
        return try update(for: user, id: id, changes, expectedVersion: expectedVersion)
    }

    /// Marks the task not done. Reopening a pending task changes nothing.
    public func reopen(for user: User, id: String, expectedVersion: Int? = nil) throws -> TodoTask {
        var changes = TaskChanges()
        changes.completed = .set(false)
        return try update(for: user, id: id, changes, expectedVersion: expectedVersion)
    }

    public func delete(for user: User, id: String, expectedVersion: Int? = nil) throws {
        try store.write { transaction in
            let task = try Self.existing(id, of: user, in: transaction)
            try Self.check(task, expectedVersion: expectedVersion)
            guard try transaction.deleteTask(id: id, ownerID: user.id) else { throw Self.notFound }
        }
    }

    /// Recomputes the deadlines of all-day tasks after the owner's timezone changed; runs in the
    /// caller's transaction so that the user and their tasks change together.
    public static func refreshDeadlines(of user: User, in transaction: any StoreWriter, now: Date) throws {
        for var task in try transaction.allDayTasks(ownerID: user.id) {
            let previous = task.version
            task.deadline = task.due?.deadline(in: user.timeZone)
            task.updatedAt = now
            task.version += 1
            _ = try transaction.update(task: task, expectedVersion: previous)
        }
    }

    // MARK: Internals

    static let notFound = AppError.notFound("Task", code: "task_not_found")

    private func modify(
        for user: User, id: String, expectedVersion: Int?, _ change: (inout TodoTask, Date) throws -> Void
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
