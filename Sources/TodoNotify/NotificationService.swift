import Foundation
import TodoCore
import TodoEvents
import TodoLogging

/// The notification service's workers: the `notification` consumer group on `reminders`, which
/// keeps the durable schedule; the scheduler, which delivers each reminder at its time; and the
/// webhook sender. Several instances may run on one database: claims keep each reminder to one.
public final class NotificationService: Sendable {
    public static let group = "notification"

    public let consumer: EventConsumer
    public let scheduler: ReminderScheduler
    public let webhooks: WebhookSender
    private let store: any Store
    private let clock: any TimeSource
    private let policy: NotificationPolicy

    /// `instanceID` identifies this instance's claims (unique per process); `onDeliveries` hears
    /// what each of the scheduler's passes did (for metrics).
    public init(
        store: any Store, log: any EventLog, clock: any TimeSource, ids: any IDGenerator, policy: NotificationPolicy,
        instanceID: String, logger: Logger,
        onDeliveries: @escaping @Sendable (ReminderDispatcher.Outcome) -> Void = { _ in }
    ) {
        self.store = store
        self.clock = clock
        self.policy = policy

        let serviceLogger = logger.with(LogKey.service, "notification")
        let dispatcher = ReminderDispatcher(
            store: store, clock: clock, ids: ids, policy: policy, owner: instanceID, logger: serviceLogger)
        let scheduler = ReminderScheduler(
            dispatcher: dispatcher, store: store, clock: clock, logger: serviceLogger, onPass: onDeliveries)
        self.scheduler = scheduler
        webhooks = WebhookSender(store: store, clock: clock, policy: policy, logger: serviceLogger)

        let handler = ReminderEventHandler()
        consumer = EventConsumer(
            group: Self.group, topics: [EventTopics.reminders], log: log, store: store, logger: serviceLogger,
            afterCommit: { _ in scheduler.wake() },
            handler: { delivery, transaction in try handler.handle(delivery, in: transaction) })
    }

    public func start() throws {
        scheduler.start()
        webhooks.start()
        try consumer.start()
    }

    public func stop() {
        consumer.stop()
        scheduler.stop()
        webhooks.stop()
    }

    /// Pending reminders and how many of them are late: the `reminders` readiness details.
    public func backlog() throws -> JSONValue {
        let backlog = try backlogCounts()
        return .object(["pending": .number(Double(backlog.pending)), "late": .number(Double(backlog.late))])
    }

    /// Pending reminders and how many of them are late, as counts (for metrics).
    public func backlogCounts() throws -> ReminderBacklog {
        let now = clock.now
        return try store.read { try $0.reminderBacklog(now: now, lateAfter: policy.lateAfter) }
    }
}
