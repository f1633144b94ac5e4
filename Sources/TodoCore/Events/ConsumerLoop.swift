import Foundation

/// One group member's consumption on its own thread: the shared engine behind the subscriptions of
/// the embedded logs. Each round renews the membership, then, for every owned partition, delivers
/// the messages after the committed offset one at a time and commits each after its handler
/// returns, holding the backend's claim on the partition meanwhile (see
/// ``ConsumerBackend/withClaim(group:memberID:partition:_:)``). A handler that throws blocks its
/// partition until a backoff has passed, then the same message is delivered again. Between rounds
/// with nothing to do the thread sleeps until ``wake()`` or the poll interval, whichever comes first.
public final class ConsumerLoop: Subscription, @unchecked Sendable {
    // @unchecked: the mutable state below is read and written only while `condition` is locked;
    // `retries` is touched by the loop thread alone.
    public let group: String
    public let memberID: String
    private let topics: [String]
    private let options: SubscriptionOptions
    private let pollInterval: TimeInterval
    private let backend: any ConsumerBackend
    private let handler: @Sendable (LogMessage) throws -> Void
    private let onFinish: @Sendable (ConsumerLoop) -> Void

    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    private var wakeRequested = false
    private var owned: [TopicPartition] = []
    private var thread: Thread?
    private var retries: [TopicPartition: (failures: Int, until: ContinuousClock.Instant)] = [:]

    /// `onFinish` runs on the loop thread after the member has left its group.
    public init(
        group: String, memberID: String, topics: [String], options: SubscriptionOptions, pollInterval: TimeInterval,
        backend: any ConsumerBackend, handler: @escaping @Sendable (LogMessage) throws -> Void,
        onFinish: @escaping @Sendable (ConsumerLoop) -> Void = { _ in }
    ) {
        self.group = group
        self.memberID = memberID
        self.topics = topics
        self.options = options
        self.pollInterval = max(0.001, pollInterval)
        self.backend = backend
        self.handler = handler
        self.onFinish = onFinish
    }

    /// Starts the loop thread. Call once.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "consumer \(group)"
        condition.withLock { self.thread = thread }
        thread.start()
    }

    public var assignments: [TopicPartition] {
        condition.withLock { owned }
    }

    /// Ends the current wait at once, e.g. because new messages were committed.
    public func wake() {
        condition.withLock {
            wakeRequested = true
            condition.broadcast()
        }
    }

    public func stop() {
        condition.lock()
        defer { condition.unlock() }

        stopping = true
        condition.broadcast()
        // A handler may stop its own subscription; the loop then ends after the handler returns.
        guard Thread.current != thread else { return }
        while !finished && thread != nil { condition.wait() }
    }

    // MARK: The loop thread

    private var isStopping: Bool {
        condition.withLock { stopping }
    }

    private func run() {
        while !isStopping {
            var delivered = false
            var wait = pollInterval
            do {
                let partitions = try backend.heartbeat(group: group, memberID: memberID, topics: topics)
                condition.withLock { owned = partitions }
                retries = retries.filter { partitions.contains($0.key) }

                for partition in partitions where !isStopping {
                    if let retry = retries[partition], retry.until > .now {
                        wait = min(wait, Self.seconds(ContinuousClock.now.duration(to: retry.until)))
                        continue
                    }
                    delivered = try consume(partition) || delivered
                }
            } catch {
                // Storage trouble (busy, closed): try again after the poll interval.
            }
            if !delivered { sleep(upTo: wait) }
        }

        try? backend.leave(group: group, memberID: memberID)
        condition.withLock {
            owned = []
            finished = true
            condition.broadcast()
        }
        onFinish(self)
    }

    /// Delivers one batch of `partition` while holding the group's claim on it; true when a
    /// handler ran. A partition another member holds right now is left for a later round.
    private func consume(_ partition: TopicPartition) throws -> Bool {
        var delivered = false
        _ = try backend.withClaim(group: group, memberID: memberID, partition: partition) { cursor in
            delivered = try consume(partition, at: cursor)
        }
        return delivered
    }

    private func consume(_ partition: TopicPartition, at cursor: any PartitionCursor) throws -> Bool {
        let position: Int64
        if let committed = cursor.committedOffset {
            position = committed
        } else {
            let range = try backend.offsets(of: partition)
            position = options.startPosition == .earliest ? range.startOffset : range.endOffset
            if options.startPosition == .latest {
                try cursor.commit(position)
            }
        }

        let messages = try backend.fetch(partition, from: position, limit: options.batchSize)
        for message in messages {
            guard !isStopping else { return true }
            do {
                try handler(message)
            } catch {
                let failures = (retries[partition]?.failures ?? 0) + 1
                let backoff = options.backoff(afterFailures: failures)
                retries[partition] = (failures, .now + .milliseconds(Int64(backoff * 1000)))
                return true
            }
            retries[partition] = nil
            try cursor.commit(message.offset + 1)
        }
        return !messages.isEmpty
    }

    private func sleep(upTo seconds: TimeInterval) {
        condition.lock()
        defer { condition.unlock() }

        if !wakeRequested && !stopping {
            _ = condition.wait(until: Date(timeIntervalSinceNow: max(0.001, seconds)))
        }
        wakeRequested = false
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return max(0, Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
    }
}
