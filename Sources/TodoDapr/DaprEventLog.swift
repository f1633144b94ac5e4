import Foundation
import TodoCore
import TodoEvents

/// The event log services see with `events.broker=dapr`.
///
/// - **Publishing** goes through the outbox as with Kafka: transactions append to the embedded log
///   (`outbox`), and ``OutboxRelay`` hands each batch to this log's ``publish(relayed:)``, which
///   posts the events to the sidecar one by one, in order.
/// - **Consuming** is pushed: ``subscribe(group:topics:options:handler:)`` registers the handler in
///   ``inbox``, and the sidecar delivers each event to the app's HTTP route
///   (``DaprSubscriptionRoutes``), which calls it. Dapr, not this process, keeps the consumer
///   group's offsets; the group is the component's `consumerGroup`.
/// - **Inspection** (`read`, `topics`) answers from the outbox: Dapr has no API to list or read a
///   broker's topics, and the outbox holds every event the product published. The sync service's
///   catch-up reads it there, at the positions the pushed events carry. Nor can Dapr tell how far
///   a consumer group has got, so ``groups()`` is empty and ``knowsGroupOffsets`` false: a lag
///   this process cannot know is left out of metrics and readiness rather than shown as 0.
public final class DaprEventLog: EventLog, OutboxTarget {
    /// The CloudEvent extension attributes that carry an event's place in the outbox through Dapr,
    /// so a pushed event has the same partition and offset as the catch-up read of the same event.
    public static let partitionAttribute = "outboxpartition"
    public static let offsetAttribute = "outboxoffset"

    public let sidecar: DaprSidecar
    public let inbox: DaprInbox
    let outbox: any EventLog

    public init(outbox: any EventLog, sidecar: DaprSidecar, inbox: DaprInbox = DaprInbox()) {
        self.outbox = outbox
        self.sidecar = sidecar
        self.inbox = inbox
    }

    /// The outbox's topics; Dapr's broker creates its topics on first use (or the component's
    /// settings do).
    public func ensureTopics(_ topics: [TopicSpec]) throws {
        try outbox.ensureTopics(topics)
    }

    /// Publishes straight to the sidecar, outside any transaction, as ``EventLog`` promises. The
    /// product's own events go through the outbox instead.
    public func publish(_ messages: [OutgoingMessage]) throws {
        for message in messages {
            try sidecar.publish(topic: message.topic, key: message.key, value: message.value)
        }
    }

    /// Posts each message of an outbox batch to the sidecar, stamped with its outbox position; the
    /// first refusal throws, and the relay publishes the whole batch again later.
    public func publish(relayed batch: [LogMessage]) throws {
        for message in batch {
            try sidecar.publish(topic: message.topic, key: message.key, value: Self.stamped(message))
        }
    }

    public func subscribe(
        group: String, topics: [String], options: SubscriptionOptions,
        handler: @escaping @Sendable (LogMessage) throws -> Void
    ) throws -> any Subscription {
        let partitions = try outbox.topics().filter { topics.contains($0.name) }.flatMap { topic in
            topic.partitions.map { TopicPartition(topic: topic.name, partition: $0.partition) }
        }
        return inbox.register(group: group, topics: topics, assignments: partitions, handler: handler)
    }

    public func read(topic: String, partition: Int, from offset: Int64, limit: Int) throws -> [LogMessage] {
        try outbox.read(topic: topic, partition: partition, from: offset, limit: limit)
    }

    public func topics() throws -> [TopicMetadata] {
        try outbox.topics()
    }

    /// None: the broker behind the sidecar keeps the groups' offsets, out of this process's sight.
    public func groups() throws -> [GroupMetadata] { [] }

    public func group(named name: String) throws -> GroupMetadata? { nil }

    public var knowsGroupOffsets: Bool { false }

    /// Retention of the outbox is the outbox's own; nothing is kept here.
    public func applyRetention() throws -> Int { 0 }

    /// Unregisters every push subscription; the outbox is closed by its owner.
    public func close() {
        inbox.closeAll()
    }

    /// The message's CloudEvent with its outbox partition and offset as extension attributes; a
    /// value that is not a JSON object is sent as it is.
    public static func stamped(_ message: LogMessage) -> [UInt8] {
        guard case .object(var members) = try? JSONValue.parse(message.value) else { return message.value }
        members[partitionAttribute] = .number(Double(message.partition))
        members[offsetAttribute] = .number(Double(message.offset))
        return JSONValue.object(members).serialized()
    }
}
