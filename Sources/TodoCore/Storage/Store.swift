import Foundation

/// Durable storage for users, tasks, notifications and chat conversations. The services see only
/// this protocol; SQLite and Postgres adapters implement it, and one conformance suite
/// (Tests/TodoTestSupport) checks every adapter.
///
/// Contract:
/// - `read` and `write` run their body in one transaction; `write` commits when the body returns and
///   rolls back when it throws. Writes are serializable with respect to each other for the rows
///   they touch: a body that reads a task and then updates it will not lose a concurrent update.
/// - Calls block the calling thread. Callers must not call them from Swift's cooperative thread
///   pool; HTTP handlers run on the server's own threads.
/// - Failures are `AppError`s: `conflict` for a uniqueness violation the caller can act on,
///   `unavailable` when the database cannot be reached or is busy beyond its timeout, `internal`
///   otherwise, with the failing step in `debugContext`.
/// - Every task lookup is scoped by owner: another user's task is indistinguishable from none.
public protocol Store: Sendable {
    func read<T>(_ body: (any StoreReader) throws -> T) throws -> T
    func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T
    /// Checks that the database answers a trivial query; for readiness probes.
    func ping() throws
    /// Closes every connection. Calls after this throw `unavailable`.
    func close()
}

/// Queries inside a transaction.
public protocol StoreReader: NotificationReader, ConversationReader {
    func user(id: String) throws -> User?
    /// The account and its password hash, looked up by normalized email.
    func credentials(email: String) throws -> UserCredentials?
    func task(id: String, ownerID: String) throws -> TodoTask?
    /// `now` decides which tasks are overdue.
    func tasks(ownerID: String, query: TaskQuery, now: Date) throws -> TaskPage
    /// The user's tags with how many tasks (pending and completed) carry each, by name.
    func tags(ownerID: String) throws -> [TagUsage]
    func series(id: String, ownerID: String) throws -> TaskSeries?
    /// The tasks of a series whose occurrence number is at least `fromOccurrence`, in occurrence
    /// order.
    func tasks(seriesID: String, ownerID: String, fromOccurrence: Int) throws -> [TodoTask]
}

/// Changes inside a transaction.
public protocol StoreWriter: StoreReader, NotificationWriter, ConversationWriter {
    /// Throws `conflict` with code `email_taken` when the email is already registered.
    func insert(user: User, passwordHash: String) throws
    func update(user: User) throws
    func updatePasswordHash(userID: String, passwordHash: String) throws
    /// Throws `conflict` with code `occurrence_exists` when the task's series already has a task
    /// with its occurrence number.
    func insert(task: TodoTask) throws
    /// Replaces the stored task whose id, owner and version are `task.id`, `task.ownerID` and
    /// `expectedVersion`; returns false when no such row exists (deleted or changed meanwhile).
    func update(task: TodoTask, expectedVersion: Int) throws -> Bool
    /// Returns false when the user has no such task.
    func deleteTask(id: String, ownerID: String) throws -> Bool
    /// The user's all-day tasks, whose deadlines depend on the user's timezone.
    func allDayTasks(ownerID: String) throws -> [TodoTask]
    func insert(series: TaskSeries) throws
    /// Replaces the stored series whose id, owner and version are `series.id`, `series.ownerID`
    /// and `expectedVersion`; returns false when no such row exists (deleted or changed meanwhile).
    func update(series: TaskSeries, expectedVersion: Int) throws -> Bool
    /// Returns false when the user has no such series. Its tasks are left as they are.
    func deleteSeries(id: String, ownerID: String) throws -> Bool

    /// The outbox: appends `messages` to the event log as part of this transaction, so consumers
    /// see them if and only if the transaction commits (and are woken right after it does). Each
    /// message goes to the partition its key selects. Throws `unavailable` (`event_log_not_ready`)
    /// for a topic that was never created: topics are created at startup, not by a change.
    func append(_ messages: [OutgoingMessage]) throws
    /// Records that consumer `group` processed the event `eventID`, as part of this transaction.
    /// Returns false when it was already recorded: the caller then skips the event's effects, which
    /// makes a redelivered event change nothing. Records are kept as long as the log's retention.
    func markProcessed(group: String, eventID: String) throws -> Bool
}

public struct UserCredentials: Sendable, Equatable {
    public var user: User
    public var passwordHash: String

    public init(user: User, passwordHash: String) {
        self.user = user
        self.passwordHash = passwordHash
    }
}

public struct TagUsage: Sendable, Equatable {
    public var name: String
    public var taskCount: Int
    public var pendingCount: Int

    public init(name: String, taskCount: Int, pendingCount: Int) {
        self.name = name
        self.taskCount = taskCount
        self.pendingCount = pendingCount
    }
}
