import Foundation
import TodoCore
import TodoEvents
import TodoHTTP
import TodoLogging

/// The recurring-task service (port 8002): consumes `task-events` in the `recurring` group and,
/// for each completed instance of a series, creates the next instance through the store, in the
/// consumer's transaction. Its own events carry the completion's correlation id and the source
/// `/recurring`.
///
/// Exactly once in effect, twice over: the consumer runner records each event as processed in
/// the transaction of its effects, and ``SeriesAdvancer`` creates an instance only from the
/// series' newest one, under a uniqueness constraint on (series, occurrence).
public struct RecurringTaskService: Sendable {
    /// The consumer group, one per service: every replica shares it.
    public static let group = "recurring"
    /// The CloudEvents `source` of the events it emits.
    public static let source = "/recurring"

    private let advancer: SeriesAdvancer
    private let clock: any TimeSource
    private let logger: Logger

    public init(ids: any IDGenerator, clock: any TimeSource, logger: Logger) {
        advancer = SeriesAdvancer(ids: ids)
        self.clock = clock
        self.logger = logger
    }

    /// The consumer that feeds ``handle(_:in:)``: a member of ``group`` on `task-events`.
    public func consumer(
        log: any EventLog, store: any Store, options: EventConsumer.Options = EventConsumer.Options()
    ) -> EventConsumer {
        EventConsumer(
            group: Self.group, topics: [EventTopics.taskEvents], log: log, store: store, options: options,
            logger: logger
        ) { delivery, transaction in
            try handle(delivery, in: transaction)
        }
    }

    /// Handles one `task-events` event: a `completed` one may create the next instance; any other
    /// type changes nothing.
    public func handle(_ delivery: EventConsumer.Delivery, in transaction: any StoreWriter) throws {
        let event = delivery.event
        guard event.type == TaskEventType.completed.rawValue else { return }
        guard let taskID = event.data["task_id"]?.stringValue, let userID = event.userID else {
            throw AppError(
                .badRequest, code: "malformed_task_event", message: "A completed event has no data.task_id or user_id")
        }

        let outcome = try advancer.advance(
            taskID: taskID, ownerID: userID, in: transaction, now: clock.now,
            context: delivery.changeContext(source: Self.source))

        var metadata = [
            LogKey.eventID: event.id, LogKey.taskID: taskID, LogKey.userID: userID,
            LogKey.correlationID: event.correlationID ?? "",
        ]
        switch outcome {
        case .created(let instance):
            metadata[LogKey.seriesID] = instance.seriesID ?? ""
            metadata[LogKey.occurrence] = instance.occurrence.map(String.init) ?? ""
            metadata[LogKey.nextTaskID] = instance.id
            logger.info("Created the next occurrence", metadata)
        case .skipped(let reason):
            metadata[LogKey.reason] = reason.rawValue
            logger.debug("No next occurrence", metadata)
        }
    }

    /// `/health` and `/health/ready` (the database, and `checks` such as the event log with this
    /// service's consumer lag).
    public func register(on router: inout Router, store: any Store, checks: [ReadinessCheck]) {
        let database = ReadinessCheck(name: "database") {
            try store.ping()
            return nil
        }
        HealthRoutes(service: "recurring-task", checks: [database] + checks).register(on: &router)
    }
}
