import Foundation

/// The broker contract: a partitioned, replayable log of messages with consumer groups, in the
/// manner of Kafka. Services see only this protocol; the embedded SQLite log, the in-memory log and
/// a Kafka adapter implement it, and one conformance suite (Tests/TodoTestSupport) checks each.
///
/// Contract:
/// - **Topics and partitions.** ``ensureTopics(_:)`` creates missing topics; an existing topic
///   keeps its partition count. Publishing to a topic that does not exist throws `not_found`
///   (`unknown_topic`).
/// - **Keys choose partitions.** A message goes to ``Partitioner/partition(forKey:partitions:)``
///   (Kafka's murmur2 partitioner), so all messages of one key stay in one partition, in order.
/// - **Publishing.** ``publish(_:)`` appends outside any store transaction and returns once the
///   messages are durable. To publish together with a change, use `StoreWriter.append` inside the
///   store's write transaction instead (the outbox): the messages exist if and only if it commits.
/// - **Consumer groups.** ``subscribe(group:topics:options:handler:)`` joins `group`. Every group
///   receives every message; the members of one group share the partitions of its topics, each
///   partition owned by one member at a time, and the partitions move when members join, leave or
///   stop renewing their membership. Within a partition the handler sees messages in offset order.
/// - **At-least-once.** The group's offset in a partition is committed after the handler returns.
///   When the handler throws, nothing is committed and the same message is delivered again after a
///   backoff (growing up to ``SubscriptionOptions/maxRetryBackoff``); later messages of that partition
///   wait. A member that stops or crashes before committing leaves the message to be delivered
///   again, to whichever member owns the partition next, which resumes at the committed offset.
///   Handlers must therefore be idempotent (`StoreWriter.markProcessed` makes that easy).
/// - **Threads.** Handlers run on the log's own threads, never on Swift's cooperative pool, one
///   handler call at a time per subscription; they may block (for a store write, say).
/// - **Retention.** Each log is created with a ``RetentionPolicy``; messages older than its age or
///   beyond its per-partition count are removed, periodically and by ``applyRetention()``. Offsets
///   are never reused, so a group behind the retained range resumes at the oldest retained message.
/// - **Failures** are `AppError`s: `not_found` for unknown topics, `unavailable` when the log is
///   closed or its storage cannot be reached, `internal` otherwise.
public protocol EventLog: Sendable {
    /// Creates the topics that do not exist yet; existing topics are left as they are.
    func ensureTopics(_ topics: [TopicSpec]) throws

    /// Appends `messages`, each to the partition its key selects, and wakes subscribers.
    func publish(_ messages: [OutgoingMessage]) throws

    /// Joins `group` as a new member consuming `topics`, calling `handler` for each message of the
    /// partitions assigned to this member. Returns at once; consumption runs until
    /// ``Subscription/stop()`` or ``close()``.
    func subscribe(
        group: String, topics: [String], options: SubscriptionOptions,
        handler: @escaping @Sendable (LogMessage) throws -> Void
    ) throws -> any Subscription

    /// Up to `limit` retained messages of one partition, from `offset` on (from the oldest retained
    /// one when `offset` is older); for inspection (`topic consume`). Commits nothing.
    func read(topic: String, partition: Int, from offset: Int64, limit: Int) throws -> [LogMessage]

    /// Every topic with the retained offset range of each partition, by name.
    func topics() throws -> [TopicMetadata]

    /// Every group that has live members or committed offsets, by name.
    func groups() throws -> [GroupMetadata]

    /// One group, described as ``groups()`` describes it, or nil when it has neither live members
    /// nor committed offsets. A log may find a group here that ``groups()`` cannot list (a broker
    /// without ListGroups).
    func group(named name: String) throws -> GroupMetadata?

    /// Removes the messages the retention policy no longer keeps; returns how many.
    @discardableResult
    func applyRetention() throws -> Int

    /// Stops every subscription of this instance and releases its resources.
    func close()

    /// Whether ``groups()`` tells how far groups have got. False for a log that hands delivery to
    /// something it cannot ask (a Dapr sidecar): its groups' lag is unknown, not 0.
    var knowsGroupOffsets: Bool { get }
}

extension EventLog {
    public var knowsGroupOffsets: Bool { true }

    public func group(named name: String) throws -> GroupMetadata? {
        try groups().first { $0.group == name }
    }
}

/// One member's membership in a consumer group, returned by ``EventLog/subscribe(group:topics:options:handler:)``.
public protocol Subscription: AnyObject, Sendable {
    var group: String { get }
    /// Unique among the members of all groups.
    var memberID: String { get }
    /// The partitions this member owns right now; empty while it has none (more members than
    /// partitions) or before its first assignment.
    var assignments: [TopicPartition] { get }
    /// Leaves the group: waits for a running handler call to return, then releases the partitions
    /// to the other members. The offset of a message whose handler was still running is committed
    /// only if the handler succeeded. Safe to call twice.
    func stop()
}

/// How a member consumes.
public struct SubscriptionOptions: Sendable, Equatable {
    /// Where a group starts in a partition it has never committed in (Kafka's `auto.offset.reset`).
    public enum StartPosition: Sendable, Equatable {
        /// The oldest retained message.
        case earliest
        /// Only messages appended after the member first sees the partition.
        case latest
    }

    public var startPosition: StartPosition
    /// Wait before redelivering a message whose handler threw; doubles per failure.
    public var retryBackoff: TimeInterval
    /// Longest wait between redeliveries.
    public var maxRetryBackoff: TimeInterval
    /// Messages fetched from one partition at a time.
    public var batchSize: Int

    public init(
        startPosition: StartPosition = .earliest, retryBackoff: TimeInterval = 0.05, maxRetryBackoff: TimeInterval = 5,
        batchSize: Int = 100
    ) {
        self.startPosition = startPosition
        self.retryBackoff = retryBackoff
        self.maxRetryBackoff = maxRetryBackoff
        self.batchSize = max(1, batchSize)
    }

    /// The wait before the `attempt`-th redelivery (1 for the first).
    public func backoff(afterFailures attempt: Int) -> TimeInterval {
        let factor = pow(2, Double(max(0, min(attempt - 1, 30))))
        return min(maxRetryBackoff, retryBackoff * factor)
    }
}

/// How much a log keeps: messages older than `maxAge` and, per partition, all but the newest
/// `maxMessagesPerPartition` are removed. Nothing is unbounded: both limits are always set.
public struct RetentionPolicy: Sendable, Equatable {
    public var maxAge: TimeInterval
    public var maxMessagesPerPartition: Int

    public init(maxAge: TimeInterval = 7 * 86_400, maxMessagesPerPartition: Int = 100_000) {
        self.maxAge = max(0, maxAge)
        self.maxMessagesPerPartition = max(1, maxMessagesPerPartition)
    }
}

extension AppError {
    /// Publishing or subscribing to a topic that was never created.
    public static func unknownTopic(_ topic: String) -> AppError {
        AppError(.notFound, code: "unknown_topic", message: "No topic named '\(topic)'")
    }

    /// A call on an event log after `close()`.
    public static let eventLogClosed = AppError.unavailable("The event log is closed", code: "event_log_closed")
}
