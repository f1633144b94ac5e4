import Foundation
import Synchronization
import TodoCore

/// The ``EventLog`` in PostgreSQL: topics, messages, group members and offsets in the tables of
/// revision `0002_event_log`, in the same database as the ``PostgresStore`` it is given. Because
/// `StoreWriter.append` writes into these tables inside the store's own transaction, a change and
/// its events commit together or not at all: the outbox *is* the log.
///
/// - Claims: a member consumes a partition only inside a claim, a transaction that holds the row
///   lock on the group's offset row for that partition (`SELECT … FOR UPDATE SKIP LOCKED`). The
///   member's handlers run and its commits are written inside that transaction, so two members,
///   in one process or several, never work on one partition at the same time, not even for the
///   moment after a rebalance when both believe they own it: the second skips the locked row and
///   tries again next round. A crashed process's locks go with its connection.
/// - Connections: heartbeats, fetches and metadata use the store's pool; each consuming member
///   also keeps one connection of its own for its claims (see ``ClaimConnections``).
/// - Wake-up: consumers on the same `PostgresStore` object are woken right after a write that
///   appended messages commits; consumers elsewhere notice new messages, joins and leaves within
///   `pollInterval` (default 100 ms).
/// - Groups and retention work as in the SQLite log: leases renewed by heartbeats, members expired
///   after `sessionTimeout`, retention applied by ``applyRetention()`` and after committed appends
///   once `retentionInterval` has passed.
/// - The log does not own the store: ``close()`` stops this log's consumers; close the store after.
public final class PostgresEventLog: EventLog, ConsumerBackend {
    let store: PostgresStore
    private let retention: RetentionPolicy
    private let pollInterval: TimeInterval
    let sessionTimeout: TimeInterval
    private let retentionInterval: TimeInterval
    let clock: any TimeSource
    let claims: ClaimConnections
    let state = Mutex(State())

    struct State {
        var consumers: [ObjectIdentifier: ConsumerLoop] = [:]
        var observerToken: Int?
        var lastRetention: Date?
        var closed = false
    }

    /// A log over the migrated database of `store`.
    public init(
        store: PostgresStore, retention: RetentionPolicy = RetentionPolicy(), pollInterval: TimeInterval = 0.1,
        sessionTimeout: TimeInterval = 10, retentionInterval: TimeInterval = 60,
        clock: any TimeSource = SystemTimeSource()
    ) {
        self.store = store
        self.retention = retention
        self.pollInterval = pollInterval
        self.sessionTimeout = sessionTimeout
        self.retentionInterval = retentionInterval
        self.clock = clock
        claims = ClaimConnections { [configuration = store.configuration, target = store.target] in
            try PostgresConnection(configuration: configuration, target: target)
        }

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
        try store.withConnection {
            try $0.readMessages(TopicPartition(topic: topic, partition: partition), from: offset, limit: limit)
        }
    }

    public func topics() throws -> [TopicMetadata] {
        try store.withConnection { try $0.topicMetadata() }
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
        let removed = try store.withWriteTransaction { try $0.applyRetention(retention, now: now) }
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
        claims.closeAll()
    }

    // MARK: Internals

    func checkOpen() throws {
        if state.withLock({ $0.closed }) { throw AppError.eventLogClosed }
    }

    func wakeConsumers() {
        let consumers = state.withLock { Array($0.consumers.values) }
        for consumer in consumers { consumer.wake() }
    }

    /// Runs on the thread that committed the append, after its transaction ended.
    private func messagesCommitted() {
        wakeConsumers()

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
