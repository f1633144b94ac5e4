import TodoCore

/// Where ``OutboxRelay`` publishes the outbox: a broker reached through an ``EventLog`` (Kafka), or
/// one that is not a log at all (a Dapr sidecar).
public protocol OutboxTarget: Sendable {
    /// Called before the first publish and whenever the outbox's topics change.
    func ensureTopics(_ topics: [TopicSpec]) throws

    /// Publishes `batch`, messages of one outbox partition in offset order, and returns only once
    /// the broker has acknowledged all of them; a throw leaves the whole batch to be published again.
    /// The messages keep their outbox positions, which a target may pass on.
    func publish(relayed batch: [LogMessage]) throws
}

/// An ``EventLog`` as the relay's target: the messages are published by key, their outbox
/// positions dropped (the log assigns its own).
public struct EventLogTarget: OutboxTarget {
    public let log: any EventLog

    public init(_ log: any EventLog) {
        self.log = log
    }

    public func ensureTopics(_ topics: [TopicSpec]) throws {
        try log.ensureTopics(topics)
    }

    public func publish(relayed batch: [LogMessage]) throws {
        try log.publish(
            batch.map { OutgoingMessage(topic: $0.topic, key: $0.key, headers: $0.headers, value: $0.value) })
    }
}
