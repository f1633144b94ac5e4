import Foundation
import Synchronization
import TodoCore

/// An ``EventLog`` held in memory, for unit tests and tools: the same contract as the embedded log
/// (the conformance suite runs against both), nothing survives the process. Group members live
/// until they stop; there are no leases because every member is in this process.
///
/// Retention is applied on every publish, so memory stays bounded by the policy: at most
/// `maxMessagesPerPartition` messages per partition, none older than `maxAge`.
public final class MemoryEventLog: EventLog, ConsumerBackend {
    private let retention: RetentionPolicy
    private let pollInterval: TimeInterval
    private let clock: any TimeSource
    private let state = Mutex(MemoryLogState())

    /// `pollInterval` bounds how long a consumer that missed a wake-up waits; wake-ups are immediate.
    public init(
        retention: RetentionPolicy = RetentionPolicy(), pollInterval: TimeInterval = 0.1,
        clock: any TimeSource = SystemTimeSource()
    ) {
        self.retention = retention
        self.pollInterval = pollInterval
        self.clock = clock
    }

    // MARK: EventLog

    public func ensureTopics(_ topics: [TopicSpec]) throws {
        try state.withLock { state in
            try state.checkOpen()
            for topic in topics where state.topics[topic.name] == nil {
                guard !topic.name.isEmpty, topic.partitions >= 1 else {
                    throw AppError.badRequest(
                        "A topic needs a name and at least one partition (got '\(topic.name)', \(topic.partitions))",
                        code: "invalid_topic")
                }
                state.topics[topic.name] = Array(repeating: MemoryPartition(), count: topic.partitions)
            }
        }
    }

    public func publish(_ messages: [OutgoingMessage]) throws {
        let now = clock.now
        let consumers = try state.withLock { state in
            try state.checkOpen()
            // Checked first, so a batch with an unknown topic appends nothing.
            if let missing = messages.first(where: { state.topics[$0.topic] == nil }) {
                throw AppError.unknownTopic(missing.topic)
            }
            for message in messages { state.append(message, at: now) }
            _ = state.applyRetention(retention, now: now)
            return Array(state.consumers.values)
        }
        for consumer in consumers { consumer.wake() }
    }

    public func subscribe(
        group: String, topics: [String], options: SubscriptionOptions,
        handler: @escaping @Sendable (LogMessage) throws -> Void
    ) throws -> any Subscription {
        let consumer = ConsumerLoop(
            group: group, memberID: "memory-\(UUID().uuidString.lowercased())", topics: topics, options: options,
            pollInterval: pollInterval, backend: self, handler: handler
        ) { [weak self] finished in
            self?.state.withLock { _ = $0.consumers.removeValue(forKey: ObjectIdentifier(finished)) }
        }
        try state.withLock { state in
            try state.checkOpen()
            if let missing = topics.first(where: { state.topics[$0] == nil }) { throw AppError.unknownTopic(missing) }
            state.consumers[ObjectIdentifier(consumer)] = consumer
        }
        consumer.start()
        return consumer
    }

    public func read(topic: String, partition: Int, from offset: Int64, limit: Int) throws -> [LogMessage] {
        try state.withLock { state in
            guard let partitions = state.topics[topic], partitions.indices.contains(partition) else {
                throw AppError.unknownTopic(topic)
            }
            return partitions[partition].messages(from: offset, limit: limit)
        }
    }

    public func topics() throws -> [TopicMetadata] {
        state.withLock { $0.metadata() }
    }

    public func groups() throws -> [GroupMetadata] {
        state.withLock { state in
            let topics = state.metadata()
            let names = Set(state.members.keys).union(state.offsets.keys).sorted()
            return names.map { group in
                GroupMetadata.describe(
                    group: group, members: state.members[group].map { Array($0.values) } ?? [], topics: topics,
                    committed: state.offsets[group] ?? [:])
            }
        }
    }

    @discardableResult
    public func applyRetention() throws -> Int {
        let now = clock.now
        return state.withLock { $0.applyRetention(retention, now: now) }
    }

    public func close() {
        let consumers = state.withLock { state in
            state.closed = true
            return Array(state.consumers.values)
        }
        for consumer in consumers { consumer.stop() }
    }

    // MARK: ConsumerBackend

    public func heartbeat(group: String, memberID: String, topics: [String]) throws -> [TopicPartition] {
        let (partitions, joined, others) = state.withLock { state in
            let joined = state.members[group]?[memberID] == nil
            state.members[group, default: [:]][memberID] = PartitionAssignor.Member(id: memberID, topics: Set(topics))

            let members = state.members[group].map { Array($0.values) } ?? []
            let subscribed = members.reduce(into: Set<String>()) { $0.formUnion($1.topics) }
            let all = state.metadata().filter { subscribed.contains($0.name) }.flatMap { topic in
                topic.partitions.map { TopicPartition(topic: topic.name, partition: $0.partition) }
            }
            let owned = PartitionAssignor.assign(all, to: members)[memberID] ?? []
            return (owned, joined, Array(state.consumers.values))
        }
        // A join moves partitions away from the other members: tell them now.
        if joined { for consumer in others where consumer.memberID != memberID { consumer.wake() } }
        return partitions
    }

    public func leave(group: String, memberID: String) throws {
        let others = state.withLock { state in
            state.members[group]?[memberID] = nil
            if state.members[group]?.isEmpty == true { state.members[group] = nil }
            return Array(state.consumers.values)
        }
        for consumer in others { consumer.wake() }
    }

    public func committedOffset(group: String, partition: TopicPartition) throws -> Int64? {
        state.withLock { $0.offsets[group]?[partition] }
    }

    public func offsets(of partition: TopicPartition) throws -> PartitionMetadata {
        try state.withLock { state in
            guard let partitions = state.topics[partition.topic], partitions.indices.contains(partition.partition)
            else { throw AppError.unknownTopic(partition.topic) }
            let stored = partitions[partition.partition]
            return PartitionMetadata(
                partition: partition.partition, startOffset: stored.startOffset, endOffset: stored.endOffset)
        }
    }

    public func fetch(_ partition: TopicPartition, from offset: Int64, limit: Int) throws -> [LogMessage] {
        try read(topic: partition.topic, partition: partition.partition, from: offset, limit: limit)
    }

    public func commit(group: String, partition: TopicPartition, offset: Int64) throws {
        state.withLock { state in
            let current = state.offsets[group]?[partition] ?? Int64.min
            if offset > current { state.offsets[group, default: [:]][partition] = offset }
        }
    }
}
