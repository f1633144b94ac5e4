import Foundation
import Synchronization
import TodoCore

/// The embedded ``EventLog``: topics, messages, group members and offsets in the tables of revision
/// `0002_event_log`, in the same SQLite database as the ``SQLiteStore`` it is given. Because the
/// store's `StoreWriter.append` writes into these tables inside the store's own transaction, a
/// change and its events commit together or not at all: for SQLite the outbox *is* the log.
///
/// - Wake-up: consumers of every log on the same `SQLiteStore` object are woken right after a write
///   that appended messages commits. Consumers in other processes (or on another `SQLiteStore` of
///   the same file) notice new messages, joins and leaves within `pollInterval` (default 100 ms).
/// - Groups: each member has a row with a lease, renewed while it consumes; a member whose lease
///   has run out (`sessionTimeout`, default 10 s, after a crash) is dropped by the next heartbeat of
///   any member of its group. Every member computes the assignment from the live members with
///   ``PartitionAssignor``, so for up to one poll interval after a change two members may both work
///   on a partition: deliveries stay at-least-once, and commits never move an offset backwards.
/// - Retention: ``applyRetention()`` removes messages older than the policy's age and all but the
///   newest `maxMessagesPerPartition` of each partition; the log also runs it after a committed
///   append once `retentionInterval` has passed since the last run, so the log is bounded by its
///   own writes.
/// - Outbox: when the log is the outbox of a broker (Kafka), `retentionHold` names the relay's
///   group; retention never removes a message that group has not committed past, so an outage of
///   any length loses nothing, and ``observeAppends(_:)`` wakes the relay on every commit.
/// - The log does not own the store: ``close()`` stops this log's consumers; close the store after.
public final class SQLiteEventLog: EventLog, ConsumerBackend {
    private let store: SQLiteStore
    private let retention: RetentionPolicy
    private let pollInterval: TimeInterval
    private let sessionTimeout: TimeInterval
    private let retentionInterval: TimeInterval
    private let retentionHold: String?
    private let clock: any TimeSource
    private let state = Mutex(State())

    private struct State {
        var consumers: [ObjectIdentifier: ConsumerLoop] = [:]
        var appendObservers: [@Sendable () -> Void] = []
        var observerToken: Int?
        var lastRetention: Date?
        var closed = false
    }

    /// A log over the migrated database of `store`. `retentionHold` is the group whose uncommitted
    /// messages retention keeps (the outbox relay's).
    public init(
        store: SQLiteStore, retention: RetentionPolicy = RetentionPolicy(), pollInterval: TimeInterval = 0.1,
        sessionTimeout: TimeInterval = 10, retentionInterval: TimeInterval = 60, retentionHold: String? = nil,
        clock: any TimeSource = SystemTimeSource()
    ) {
        self.store = store
        self.retention = retention
        self.pollInterval = pollInterval
        self.sessionTimeout = sessionTimeout
        self.retentionInterval = retentionInterval
        self.retentionHold = retentionHold
        self.clock = clock

        let token = store.commitObservers.add { [weak self] in self?.messagesCommitted() }
        state.withLock { $0.observerToken = token }
    }

    // MARK: EventLog

    public func ensureTopics(_ topics: [TopicSpec]) throws {
        try checkOpen()
        let now = clock.now
        try store.withWriteTransaction { try $0.createTopics(topics, at: now) }
    }

    public func publish(_ messages: [OutgoingMessage]) throws {
        try checkOpen()
        guard !messages.isEmpty else { return }

        let now = clock.now
        try store.withWriteTransaction { try $0.appendMessages(messages, at: now) }
        store.commitObservers.notify()
    }

    public func subscribe(
        group: String, topics: [String], options: SubscriptionOptions,
        handler: @escaping @Sendable (LogMessage) throws -> Void
    ) throws -> any Subscription {
        try checkOpen()
        let known = Set(try self.topics().map(\.name))
        if let missing = topics.first(where: { !known.contains($0) }) { throw AppError.unknownTopic(missing) }

        let consumer = ConsumerLoop(
            group: group, memberID: "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.lowercased())",
            topics: topics, options: options, pollInterval: pollInterval, backend: self, handler: handler
        ) { [weak self] finished in
            self?.state.withLock { _ = $0.consumers.removeValue(forKey: ObjectIdentifier(finished)) }
        }
        state.withLock { $0.consumers[ObjectIdentifier(consumer)] = consumer }
        consumer.start()
        return consumer
    }

    public func read(topic: String, partition: Int, from offset: Int64, limit: Int) throws -> [LogMessage] {
        try store.withReadTransaction {
            try $0.readMessages(TopicPartition(topic: topic, partition: partition), from: offset, limit: limit)
        }
    }

    public func topics() throws -> [TopicMetadata] {
        try store.withReadTransaction { try $0.topicMetadata() }
    }

    public func groups() throws -> [GroupMetadata] {
        let now = clock.now
        return try store.withReadTransaction { connection in
            let topics = try connection.topicMetadata()
            return try connection.groupNames().map { group in
                GroupMetadata.describe(
                    group: group, members: try connection.liveMembers(group: group, now: now), topics: topics,
                    committed: try connection.committedOffsets(group: group))
            }
        }
    }

    @discardableResult
    public func applyRetention() throws -> Int {
        let now = clock.now
        let removed = try store.withWriteTransaction {
            try $0.applyRetention(retention, now: now, holdingFor: retentionHold)
        }
        state.withLock { $0.lastRetention = now }
        return removed
    }

    public func close() {
        let consumers = state.withLock { state in
            state.closed = true
            if let token = state.observerToken { store.commitObservers.remove(token) }
            state.observerToken = nil
            return Array(state.consumers.values)
        }
        for consumer in consumers { consumer.stop() }
    }

    /// Runs `observer` on the committing thread right after every write on this log's store that
    /// appended messages, in a store transaction (the outbox) or through ``publish(_:)``. It must
    /// return quickly; the outbox relay uses it to wake up.
    public func observeAppends(_ observer: @escaping @Sendable () -> Void) {
        state.withLock { $0.appendObservers.append(observer) }
    }

    // MARK: ConsumerBackend

    public func heartbeat(group: String, memberID: String, topics: [String]) throws -> [TopicPartition] {
        let now = clock.now
        let leaseUntil = now.addingTimeInterval(sessionTimeout)

        // Renew once a third of the lease has passed; other rounds only read.
        let lease = try store.withReadTransaction { try $0.leaseEnd(group: group, memberID: memberID) }
        if lease.map({ $0.timeIntervalSince(now) < sessionTimeout * 2 / 3 }) ?? true {
            let joined = try store.withWriteTransaction {
                try $0.renewMember(group: group, memberID: memberID, topics: topics, now: now, leaseUntil: leaseUntil)
            }
            if joined { wakeConsumers() }
        }

        return try store.withReadTransaction { connection in
            let members = try connection.liveMembers(group: group, now: now)
            let subscribed = members.reduce(into: Set<String>()) { $0.formUnion($1.topics) }
            let partitions = try connection.partitions(of: subscribed)
            return PartitionAssignor.assign(partitions, to: members)[memberID] ?? []
        }
    }

    public func leave(group: String, memberID: String) throws {
        try store.withWriteTransaction { try $0.removeMember(group: group, memberID: memberID) }
        wakeConsumers()
    }

    public func committedOffset(group: String, partition: TopicPartition) throws -> Int64? {
        try store.withReadTransaction { try $0.committedOffset(group: group, partition: partition) }
    }

    public func offsets(of partition: TopicPartition) throws -> PartitionMetadata {
        try store.withReadTransaction { try $0.partitionMetadata(partition) }
    }

    public func fetch(_ partition: TopicPartition, from offset: Int64, limit: Int) throws -> [LogMessage] {
        try read(topic: partition.topic, partition: partition.partition, from: offset, limit: limit)
    }

    public func commit(group: String, partition: TopicPartition, offset: Int64) throws {
        let now = clock.now
        try store.withWriteTransaction {
            try $0.commitOffset(group: group, partition: partition, offset: offset, now: now)
        }
    }

    // MARK: Internals

    private func checkOpen() throws {
        if state.withLock({ $0.closed }) { throw AppError.eventLogClosed }
    }

    private func wakeConsumers() {
        let consumers = state.withLock { Array($0.consumers.values) }
        for consumer in consumers { consumer.wake() }
    }

    /// Runs on the thread that committed the append, after its transaction ended.
    private func messagesCommitted() {
        wakeConsumers()
        for observer in state.withLock({ $0.appendObservers }) { observer() }

        let now = clock.now
        let due = state.withLock { state in
            guard !state.closed else { return false }
            guard let last = state.lastRetention else {
                state.lastRetention = now
                return false
            }
            guard now.timeIntervalSince(last) >= retentionInterval else { return false }
            state.lastRetention = now
            return true
        }
        if due { _ = try? applyRetention() }
    }
}
