import Foundation
import Synchronization
import TodoCore
import TodoLogging

/// The ``EventLog`` contract served by a Kafka-compatible cluster (Kafka, Redpanda) through
/// librdkafka.
///
/// - **Publishing** goes through one idempotent producer (`acks=all`): the message key is the
///   Kafka key, the partition is the one ``Partitioner`` picks (the same murmur2 placement as
///   Kafka's Java clients), headers travel as Kafka headers, and ``publish(_:)`` returns once the
///   broker acknowledged every message. A producer that hits a fatal error is replaced.
/// - **Subscriptions** are members of Kafka consumer groups, each with its own consumer and poll
///   thread (``KafkaSubscription``); offsets are committed only after the handler returned.
/// - **Metadata** comes from the cluster: topics and offsets from Metadata and ListOffsets,
///   committed offsets from OffsetFetch, groups and members from ListGroups and DescribeGroups.
///   Where the broker cannot list or describe groups (librdkafka's mock cluster), ``groups()``
///   falls back to the groups this instance joined (and `knownGroups`) and to its own members.
/// - **Retention** is the broker's: created topics get `retention.ms` from the policy's age; the
///   per-partition count has no Kafka equivalent and is enforced only by ``applyRetention()``,
///   with DeleteRecords, which nothing runs periodically.
/// - Every call blocks its thread for at most ``KafkaConfiguration/requestTimeout`` (publishing:
///   the delivery timeout); none may run on Swift's cooperative pool.
public final class KafkaEventLog: EventLog {
    public let configuration: KafkaConfiguration
    /// What the producer has seen of the cluster, for readiness checks.
    public let health = BrokerHealth()
    let retentionPolicy: RetentionPolicy
    let clock: any TimeSource
    private let logger: Logger
    private let topicCreator: (any KafkaTopicCreator)?
    let admin: KafkaAdmin
    private let reader: PartitionReader
    private let readerClient: KafkaClient
    let state: Mutex<State>
    private let reachability = Mutex<(at: ContinuousClock.Instant, failure: AppError?)?>(nil)

    struct State {
        var producer: KafkaProducer?
        var partitionCounts: [String: Int] = [:]
        var subscriptions: [ObjectIdentifier: KafkaSubscription] = [:]
        var knownGroups: Set<String> = []
        var closed = false
    }

    /// Connects lazily: creating the log talks to no broker. `topicCreator` replaces the
    /// CreateTopics API (see ``KafkaMockCluster``); `knownGroups` are listed by ``groups()`` even
    /// where the broker cannot list groups.
    public init(
        configuration: KafkaConfiguration, retention: RetentionPolicy = RetentionPolicy(),
        clock: any TimeSource = SystemTimeSource(), logger: Logger, topicCreator: (any KafkaTopicCreator)? = nil,
        knownGroups: [String] = []
    ) throws {
        try configuration.validate()
        self.configuration = configuration
        self.retentionPolicy = retention
        self.clock = clock
        self.logger = logger.with("broker", "kafka")
        self.topicCreator = topicCreator

        let timeout = Int32(max(1, configuration.requestTimeout) * 1000)
        let adminClient = try KafkaClient(
            .producer, properties: configuration.librdkafkaProperties(for: .admin),
            callbacks: KafkaCallbacks(logger: self.logger))
        admin = KafkaAdmin(client: adminClient, timeoutMilliseconds: timeout)
        readerClient = try KafkaClient(
            .consumer, properties: configuration.librdkafkaProperties(for: .reader),
            callbacks: KafkaCallbacks(logger: self.logger))
        reader = PartitionReader(client: readerClient, admin: admin)
        state = Mutex(State(knownGroups: Set(knownGroups)))
    }

    // MARK: EventLog

    public func ensureTopics(_ topics: [TopicSpec]) throws {
        try checkOpen()
        var counts = try admin.partitionCounts()
        var seen: Set<String> = []
        let missing = topics.filter { counts[$0.name] == nil && seen.insert($0.name).inserted }

        if !missing.isEmpty {
            let names = missing.map(\.name).joined(separator: ", ")
            guard configuration.createTopics else {
                throw AppError.unavailable(
                    "Kafka topics are missing: \(names); create them, or set kafka.create_topics",
                    code: "kafka_topics_missing")
            }
            let config = ["retention.ms": String(Int64(retentionPolicy.maxAge * 1000))]
            if let topicCreator {
                try topicCreator.createTopics(
                    missing, replicationFactor: configuration.replicationFactor, config: config)
            } else {
                try admin.createTopics(missing, replicationFactor: configuration.replicationFactor, config: config)
            }
            counts = try waitForTopics(missing.map(\.name))
            logger.info("Created Kafka topics", [LogKey.topic: names])
        }
        state.withLock { $0.partitionCounts = counts }
    }

    public func publish(_ messages: [OutgoingMessage]) throws {
        try checkOpen()
        guard !messages.isEmpty else { return }

        let counts = try partitionCounts(of: Set(messages.map(\.topic)))
        let now = Int64((clock.now.timeIntervalSince1970 * 1000).rounded())
        let records = messages.map { message in
            ProducerRecord(
                topic: message.topic,
                partition: Partitioner.partition(forKey: message.key, partitions: counts[message.topic] ?? 1),
                key: message.key, headers: message.headers, value: message.value, timestampMilliseconds: now)
        }
        try producer().send(records, timeout: configuration.deliveryTimeout + 5)
    }

    /// Refuses topics the cluster does not have; when no broker answers within 2 s, subscribes
    /// without that check, and the member joins its group once the cluster is back.
    public func subscribe(
        group: String, topics: [String], options: SubscriptionOptions,
        handler: @escaping @Sendable (LogMessage) throws -> Void
    ) throws -> any Subscription {
        try checkOpen()
        do {
            if !Set(topics).isSubset(of: state.withLock({ $0.partitionCounts.keys })) {
                try admin.checkReachable(timeoutMilliseconds: 2000)
            }
            _ = try partitionCounts(of: Set(topics))
        } catch let error as AppError where error.code == "broker_unavailable" {
            logger.warning(
                "Kafka is not reachable; subscribing without checking the topics",
                [LogKey.consumerGroup: group, LogKey.error: error.debugContext ?? error.message])
        }

        let subscription = try KafkaSubscription(
            group: group, topics: topics, options: options, configuration: configuration,
            logger: logger.with(LogKey.consumerGroup, group), handler: handler
        ) { [weak self] finished in
            self?.state.withLock { _ = $0.subscriptions.removeValue(forKey: ObjectIdentifier(finished)) }
        }
        state.withLock {
            $0.subscriptions[ObjectIdentifier(subscription)] = subscription
            $0.knownGroups.insert(group)
        }
        do {
            try subscription.start()
        } catch {
            state.withLock { _ = $0.subscriptions.removeValue(forKey: ObjectIdentifier(subscription)) }
            throw error
        }
        return subscription
    }

    public func read(topic: String, partition: Int, from offset: Int64, limit: Int) throws -> [LogMessage] {
        try checkOpen()
        return try reader.read(TopicPartition(topic: topic, partition: partition), from: offset, limit: limit)
    }

    public func close() {
        let (subscriptions, producer) = state.withLock { state in
            state.closed = true
            defer { state.producer = nil }
            return (Array(state.subscriptions.values), state.producer)
        }
        for subscription in subscriptions { subscription.stop() }
        producer?.close()
        readerClient.close()
        admin.client.close()
    }

    /// Fails every publish still waiting for the broker's acknowledgement (they throw
    /// `broker_unavailable`): for stopping an outbox relay during an outage without waiting for the
    /// delivery timeout. Nothing is lost: the relay marks nothing sent that was not acknowledged.
    public func cancelPublishing() {
        state.withLock { $0.producer }?.purge()
    }

    /// Throws `broker_unavailable` unless a broker answers a metadata request within `timeout`: a
    /// cheap probe for readiness checks, which must not wait for the full request timeout. The
    /// answer is kept for a second, so several checks of one readiness request probe once.
    public func checkReachable(timeout: TimeInterval) throws {
        try checkOpen()
        if let last = reachability.withLock({ $0 }), ContinuousClock.now - last.at < .seconds(1) {
            if let failure = last.failure { throw failure }
            return
        }
        do {
            try admin.checkReachable(timeoutMilliseconds: Int32(max(0.05, timeout) * 1000))
            reachability.withLock { $0 = (.now, nil) }
        } catch {
            reachability.withLock { $0 = (.now, error) }
            throw error
        }
    }

    // MARK: Internals

    func checkOpen() throws(AppError) {
        if state.withLock({ $0.closed }) { throw AppError.eventLogClosed }
    }

    /// The producer, created on first use and replaced after a fatal error.
    private func producer() throws -> KafkaProducer {
        let (current, replaced): (KafkaProducer, KafkaProducer?) = try state.withLock { state in
            if let producer = state.producer, !health.snapshot.fatal { return (producer, nil) }
            health.clearFatal()
            let fresh = try KafkaProducer(configuration: configuration, health: health, logger: logger)
            defer { state.producer = fresh }
            return (fresh, state.producer)
        }
        if let replaced {
            logger.warning("Replacing the Kafka producer after a fatal error")
            replaced.close(flushTimeout: 0)
        }
        return current
    }

    /// The partition counts of `topics`, from the cache or, when one is not there, from fresh
    /// metadata; throws `unknown_topic` for a topic the cluster does not have.
    func partitionCounts(of topics: Set<String>) throws -> [String: Int] {
        var counts = state.withLock { $0.partitionCounts }
        if !topics.isSubset(of: counts.keys) {
            counts = try admin.partitionCounts()
            state.withLock { [counts] in $0.partitionCounts = counts }
        }
        if let missing = topics.sorted().first(where: { counts[$0] == nil }) { throw AppError.unknownTopic(missing) }
        return counts
    }

    /// Metadata reaches every broker a moment after CreateTopics returns: waits until it lists `names`.
    private func waitForTopics(_ names: [String]) throws -> [String: Int] {
        let deadline = Date(timeIntervalSinceNow: configuration.requestTimeout)
        while true {
            let counts = try admin.partitionCounts()
            if names.allSatisfy({ counts[$0] != nil }) || Date() >= deadline { return counts }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
