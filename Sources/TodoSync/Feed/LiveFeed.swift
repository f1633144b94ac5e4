import Foundation
import Synchronization
import TodoCore
import TodoLogging

/// This replica's subscription to the topics of the streams (`task-updates`, `notifications`): one
/// consumer group per replica, so every replica receives every event and passes each to the
/// sessions of its user connected here.
///
/// The handler runs on the log's consumer thread and only posts to reactors, so it never blocks
/// for long. A message for a user with no session here is skipped without being decoded. The
/// group starts at the end of the log (`latest`): history is read per session by the catch-up
/// worker, from the log itself, never from memory.
final class LiveFeed: Sendable {
    private let log: any EventLog
    private let group: String
    private let context: SyncContext
    private let subscription = Mutex<(any Subscription)?>(nil)

    init(log: any EventLog, group: String, context: SyncContext) {
        self.log = log
        self.group = group
        self.context = context
    }

    func start() throws {
        let options = SubscriptionOptions(startPosition: .latest)
        let topics = SyncStream.allCases.map(\.topic)
        let joined = try log.subscribe(group: group, topics: topics, options: options) {
            [self] message in
            handle(message)
        }
        subscription.withLock { $0 = joined }
        context.logger.info(
            "Subscribed to the sync streams",
            [LogKey.consumerGroup: group, LogKey.topic: topics.joined(separator: ",")])
    }

    func stop() {
        let current = subscription.withLock { current in
            defer { current = nil }
            return current
        }
        current?.stop()
    }

    func handle(_ message: LogMessage) {
        let sessions = context.registry.sessions(of: message.key)
        guard !sessions.isEmpty, SyncStream(topic: message.topic) != nil else { return }
        context.counters.add(.eventsReceived)

        let event: SyncEvent
        do {
            guard let decoded = try SyncEvent.decode(message) else { return }
            event = decoded
        } catch {
            context.counters.add(.malformedEvents)
            context.logger.warning(
                "Skipping a message that is not a sync event",
                [
                    LogKey.topic: message.topic, LogKey.partition: String(message.partition),
                    LogKey.offset: String(message.offset),
                ])
            return
        }

        let encoded = event.encoded
        for session in sessions {
            session.deliverLive(encoded)
        }
    }

    /// The readiness details: the group, the partitions this member owns, and the group's lag
    /// when the log knows it.
    /// Throws when the subscription is not running or owns no partition yet.
    func status() throws -> JSONValue {
        guard let current = subscription.withLock({ $0 }) else {
            throw AppError.unavailable("Not subscribed to the sync streams", code: "not_subscribed")
        }
        let owned = current.assignments
        guard !owned.isEmpty else {
            throw AppError.unavailable("The subscription owns no partition yet", code: "not_assigned")
        }

        let partitions = Dictionary(grouping: owned, by: \.topic).mapValues { owned in
            JSONValue.array(owned.map { .number(Double($0.partition)) })
        }
        var details: [String: JSONValue] = [
            "group": .string(group),
            "member": .string(current.memberID),
            "partitions": .object(partitions),
            "events_received": .number(Double(context.counters.value(.eventsReceived))),
        ]
        // Left out when the log cannot describe the group (Dapr keeps its offsets).
        if log.knowsGroupOffsets {
            let offsets = try log.groups().first { $0.group == group }?.offsets ?? []
            details["lag"] = .number(Double(offsets.reduce(Int64(0)) { $0 + $1.lag }))
        }
        return .object(details)
    }
}
