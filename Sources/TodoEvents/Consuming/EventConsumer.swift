import Foundation
import Synchronization
import TodoCore
import TodoLogging

/// The consumer runner every service uses: one consumer-group member that hands each event of its
/// topics to a handler inside a store transaction, exactly once in effect.
///
/// For each message, in partition order:
/// 1. The value is decoded as a ``CloudEvent``; a value that is not one goes straight to the
///    dead-letter topic (`<topic>.dlq`), since retrying cannot fix it.
/// 2. In one store write transaction the runner records (group, event id) as processed and runs
///    the handler with that transaction; an event recorded before (a redelivery after a crash
///    between commit and offset commit) is skipped without calling the handler. So the handler's
///    effects and the record of having had them commit together, and a redelivered event changes
///    nothing.
/// 3. When the handler throws, the transaction rolls back and the log delivers the message again
///    after a growing backoff; once it has failed `maxAttempts` times it is written to the
///    dead-letter topic with the error, marked processed in the same transaction, and
///    consumption moves on.
/// 4. The log commits the group's offset after the message is done (at-least-once delivery).
///
/// Failure counts live in memory: a restart gives a failing message `maxAttempts` fresh tries.
public final class EventConsumer: Sendable {
    /// One delivery to a handler: the event and where it sits in the log.
    public struct Delivery: Sendable {
        public let event: CloudEvent
        public let message: LogMessage

        /// The context for changes the handler makes: they carry the event's correlation id.
        public func changeContext(source: String) -> ChangeContext {
            ChangeContext(correlationID: event.correlationID, source: source)
        }
    }

    public typealias Handler = @Sendable (Delivery, any StoreWriter) throws -> Void

    public struct Options: Sendable {
        /// Deliveries of one message before it goes to the dead-letter topic.
        public var maxAttempts: Int
        public var subscription: SubscriptionOptions

        public init(maxAttempts: Int = 5, subscription: SubscriptionOptions = SubscriptionOptions()) {
            self.maxAttempts = max(1, maxAttempts)
            self.subscription = subscription
        }
    }

    public let group: String
    public let topics: [String]
    let log: any EventLog
    private let store: any Store
    private let options: Options
    private let logger: Logger
    private let handler: Handler
    private let afterCommit: (@Sendable (Delivery) -> Void)?
    private let subscription = Mutex<(any Subscription)?>(nil)
    private let attempts = Mutex<[MessagePosition: Int]>([:])
    let counters = ConsumerCounters()

    /// `afterCommit` runs after the transaction of each handled event has committed (a scheduler
    /// that must re-read what the handler wrote, say); not for skipped duplicates.
    public init(
        group: String, topics: [String], log: any EventLog, store: any Store, options: Options = Options(),
        logger: Logger, afterCommit: (@Sendable (Delivery) -> Void)? = nil, handler: @escaping Handler
    ) {
        self.group = group
        self.topics = topics
        self.log = log
        self.store = store
        self.options = options
        self.logger = logger.with(LogKey.consumerGroup, group)
        self.handler = handler
        self.afterCommit = afterCommit
    }

    /// Joins the group; consumption runs on the log's threads until ``stop()``.
    public func start() throws {
        let joined = try log.subscribe(group: group, topics: topics, options: options.subscription) { [self] in
            try consume($0)
        }
        subscription.withLock { $0 = joined }
        logger.info("Consumer started", [LogKey.topic: topics.joined(separator: ",")])
    }

    /// Leaves the group after the handler call in progress, if any, returns. Safe to call twice.
    public func stop() {
        let current = subscription.withLock { current in
            defer { current = nil }
            return current
        }
        current?.stop()
    }

    // MARK: Handling one message

    private func consume(_ message: LogMessage) throws {
        let event: CloudEvent
        do {
            event = try CloudEvent.decode(message.value)
        } catch {
            try deadLetter(message, eventID: nil, reason: "malformed", error: error, attempts: 1)
            return
        }

        let eventLogger = logger.with(LogKey.correlationID, event.correlationID ?? "")
        do {
            let delivery = Delivery(event: event, message: message)
            let handled = try store.write { transaction in
                guard try transaction.markProcessed(group: group, eventID: event.id) else { return false }
                try handler(delivery, transaction)
                return true
            }
            attempts.withLock { $0[MessagePosition(message)] = nil }
            counters.record(handled ? .processed : .duplicate)
            if handled { afterCommit?(delivery) }
        } catch {
            let attempt = attempts.withLock { counts in
                let position = MessagePosition(message)
                let attempt = (counts[position] ?? 0) + 1
                counts[position] = attempt < options.maxAttempts ? attempt : nil
                return attempt
            }
            guard attempt >= options.maxAttempts else {
                counters.record(.retried)
                eventLogger.warning(
                    "Event handler failed; will retry",
                    Self.metadata(event, message, error: error, extra: [LogKey.attempt: String(attempt)]))
                throw error
            }
            try deadLetter(message, eventID: event.id, reason: "failed", error: error, attempts: attempt)
        }
    }

    /// Writes `message` to its topic's dead-letter topic with what went wrong, and records the
    /// event (when it has an id) as processed in the same transaction.
    private func deadLetter(
        _ message: LogMessage, eventID: String?, reason: String, error: any Error, attempts: Int
    ) throws {
        let text = Self.describe(error)
        let headers =
            message.headers.filter { !$0.name.hasPrefix("dlq-") } + [
                MessageHeader(name: "dlq-reason", value: reason),
                MessageHeader(name: "dlq-error", value: text),
                MessageHeader(name: "dlq-group", value: group),
                MessageHeader(name: "dlq-source", value: "\(message.topic)/\(message.partition)/\(message.offset)"),
                MessageHeader(name: "dlq-attempts", value: String(attempts)),
            ]
        let letter = OutgoingMessage(
            topic: EventTopics.deadLetter(message.topic), key: message.key, headers: headers, value: message.value)

        try store.write { transaction in
            if let eventID { _ = try transaction.markProcessed(group: group, eventID: eventID) }
            try transaction.append([letter])
        }
        counters.record(.deadLettered)
        logger.error(
            "Event sent to the dead-letter topic",
            [
                LogKey.topic: message.topic, LogKey.partition: String(message.partition),
                LogKey.offset: String(message.offset), LogKey.error: text, "dlq.reason": reason,
                LogKey.eventID: eventID ?? "",
            ])
    }

    private static func metadata(
        _ event: CloudEvent, _ message: LogMessage, error: any Error, extra: [String: String]
    ) -> [String: String] {
        var fields = [
            LogKey.eventID: event.id, LogKey.eventType: event.type, LogKey.topic: message.topic,
            LogKey.partition: String(message.partition), LogKey.offset: String(message.offset),
            LogKey.error: describe(error),
        ]
        fields.merge(extra) { _, new in new }
        return fields
    }

    /// A bounded, payload-free description: AppErrors by code and message, others by type.
    static func describe(_ error: any Error) -> String {
        let text = (error as? AppError).map { "\($0.code): \($0.message)" } ?? String(describing: type(of: error))
        return String(text.prefix(300))
    }
}

/// A message's place in the log, the key of its failure count.
private struct MessagePosition: Hashable {
    let topic: String
    let partition: Int
    let offset: Int64

    init(_ message: LogMessage) {
        topic = message.topic
        partition = message.partition
        offset = message.offset
    }
}
