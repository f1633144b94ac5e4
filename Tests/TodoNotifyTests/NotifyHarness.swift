import Foundation
import TodoCore
import TodoEvents
import TodoLogging
import TodoNotify
import TodoSQLite
import TodoTestSupport

/// The notification path over a real SQLite file: tasks changed through `TaskService` emit their
/// `reminders` events into the embedded log, the service's real consumer keeps the schedule, and
/// dispatchers deliver on an injected clock.
final class NotifyHarness: Sendable {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString)")
    let store: SQLiteStore
    let log: SQLiteEventLog
    let clock = ManualTimeSource(Date(timeIntervalSince1970: 1_796_000_000))  // 2026-11-30T00:53:20Z
    let ids: UUIDv7Generator
    let tasks: TaskService
    let policy = NotificationPolicy(missedAfter: 3600, lateAfter: 60, lease: 30, webhookAttempts: 3, webhookBackoff: 5)
    let logs = MemoryLogSink()

    init() throws {
        store = try SQLiteStore(path: directory.appendingPathComponent("todo.db").path)
        try SQLiteMigrator(store: store).upgrade(to: nil)
        log = SQLiteEventLog(store: store, pollInterval: 0.02, clock: clock)
        try log.ensureTopics(EventTopics.standard(partitions: 2))
        ids = UUIDv7Generator(clock: clock)
        tasks = TaskService(store: store, clock: clock, ids: ids)
    }

    func close() {
        log.close()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func user(_ name: String = "ada", timeZone: String = "UTC", quiet: (String, String)? = nil) throws -> User {
        var user = User(
            id: ids.next(), email: "\(name)@example.com", timeZoneID: timeZone, createdAt: clock.now,
            updatedAt: clock.now)
        if let quiet, let start = LocalTime(quiet.0), let end = LocalTime(quiet.1) {
            user.quietHours = QuietHours(start: start, end: end)
        }
        try store.write { try $0.insert(user: user, passwordHash: "unused") }
        return user
    }

    /// A task due at `due` with one reminder `minutesBefore` it.
    func task(
        for user: User, due: Date, minutesBefore: Int = 10, context: ChangeContext = .unattributed
    ) throws -> TodoTask {
        let changes = try TaskChanges.parse(
            .object([
                "title": "Water the plants", "due_at": .string(RFC3339.format(due)),
                "reminders": [["minutes_before": .number(Double(minutesBefore))]],
            ]), mode: .create)
        return try tasks.create(for: user, changes, context: context)
    }

    /// The service's consumer group on `reminders`, as the service runs it.
    func consumer() -> EventConsumer {
        let handler = ReminderEventHandler()
        return EventConsumer(
            group: NotificationService.group, topics: [EventTopics.reminders], log: log, store: store,
            logger: Logger(service: "tests", sink: logs)
        ) { delivery, transaction in try handler.handle(delivery, in: transaction) }
    }

    func dispatcher(owner: String = "instance-a") -> ReminderDispatcher {
        ReminderDispatcher(
            store: store, clock: clock, ids: ids, policy: policy, owner: owner, logger: Logger(service: "t", sink: logs)
        )
    }

    /// Waits until the consumer has applied every `reminders` event appended so far.
    func waitForSchedule(_ consumer: EventConsumer) -> Bool {
        eventually {
            let group = try? log.groups().first { $0.group == NotificationService.group }
            return group.map { $0.totalLag == 0 && !$0.offsets.isEmpty } ?? false
        }
    }

    func notifications(of user: User) throws -> [UserNotification] {
        try store.read { try $0.notifications(userID: user.id, unreadOnly: false, limit: 100, before: nil) }
    }

    func inAppEvents() throws -> [CloudEvent] {
        try (0..<2).flatMap { try log.read(topic: EventTopics.notifications, partition: $0, from: 0, limit: 1000) }
            .map { try CloudEvent.decode($0.value) }
    }
}
