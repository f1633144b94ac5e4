import Foundation
import Synchronization
import TodoCore
import TodoLogging

/// Publishes what the store's transactions wrote to the outbox to the broker: the outbox is an
/// embedded log (the `event_*` tables of the store's own database), the broker any
/// ``OutboxTarget``: another ``EventLog`` (Kafka) or a Dapr sidecar.
///
/// - **In order per key.** The relay is a member of the group `options.group` on the outbox, so
///   with several processes on one database each outbox partition is relayed by one of them.
///   Every key lives in one partition, and a partition's next batch is published only after the
///   broker acknowledged the previous one.
/// - **Marked sent after the acknowledgement.** The group's offset moves past a batch only once
///   ``EventLog/publish(_:)`` returned, so a crash or an outage leaves the rest in the outbox,
///   where the next relay (after a restart, or on another process) finds it.
/// - **Retries with backoff** doubling from `retryBackoff` to `maxRetryBackoff` while the broker
///   fails; a batch that failed part-way is published again whole, so the broker may hold a
///   message twice: consumers deduplicate by event id (at-least-once).
/// - **Never in a request's way.** Requests only write the outbox; this thread does the waiting.
///   ``status`` reports the broker as degraded, with the backlog, while it fails or stalls.
public final class OutboxRelay: @unchecked Sendable {
    // @unchecked: the mutable state is read and written only while `condition` is locked;
    // `retry` and `lastTopicsRefresh` are touched by the relay thread alone.
    public struct Options: Sendable {
        public var group: String
        public var batchSize: Int
        public var pollInterval: TimeInterval
        public var retryBackoff: TimeInterval
        public var maxRetryBackoff: TimeInterval
        /// A publish still waiting for the broker after this long counts as degraded.
        public var stallThreshold: TimeInterval

        public init(
            group: String = "outbox-relay", batchSize: Int = 500, pollInterval: TimeInterval = 0.1,
            retryBackoff: TimeInterval = 0.1, maxRetryBackoff: TimeInterval = 5, stallThreshold: TimeInterval = 2
        ) {
            self.group = group
            self.batchSize = max(1, batchSize)
            self.pollInterval = max(0.001, pollInterval)
            self.retryBackoff = max(0.001, retryBackoff)
            self.maxRetryBackoff = max(self.retryBackoff, maxRetryBackoff)
            self.stallThreshold = stallThreshold
        }
    }

    let source: any EventLog & ConsumerBackend
    let sink: any OutboxTarget
    let options: Options
    let memberID: String
    private let logger: Logger
    private let interrupt: (@Sendable () -> Void)?

    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    private var wakeRequested = false
    private var thread: Thread?
    private var progress = Progress()

    private var failures = 0
    private var sinkReady = false
    private var topics: [TopicMetadata] = []
    private var lastTopicsRefresh = ContinuousClock.now - .seconds(3600)

    /// What the relay thread has done so far; read through ``status()``.
    struct Progress {
        var relayed = 0
        var lastRelayedAt: Date?
        var lastError: String?
        var failingSince: Date?
        var waitingSince: Date?
    }

    /// `interrupt` makes a publish that waits for the broker fail at once; ``stop()`` calls it, so
    /// that stopping during an outage does not wait for the broker's delivery timeout.
    public convenience init(
        source: any EventLog & ConsumerBackend, sink: any EventLog, options: Options = Options(), memberID: String,
        logger: Logger, interrupt: (@Sendable () -> Void)? = nil
    ) {
        self.init(
            source: source, target: EventLogTarget(sink), options: options, memberID: memberID, logger: logger,
            interrupt: interrupt)
    }

    /// A relay to any ``OutboxTarget``.
    public init(
        source: any EventLog & ConsumerBackend, target: any OutboxTarget, options: Options = Options(),
        memberID: String, logger: Logger, interrupt: (@Sendable () -> Void)? = nil
    ) {
        self.source = source
        self.sink = target
        self.options = options
        self.memberID = memberID
        self.logger = logger.with(LogKey.consumerGroup, options.group)
        self.interrupt = interrupt
    }

    /// Starts the relay thread. Call once.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "outbox relay"
        condition.withLock { self.thread = thread }
        thread.start()
        logger.info("Outbox relay started")
    }

    /// Ends the current wait at once: a transaction just committed messages to the outbox.
    public func wake() {
        condition.withLock {
            wakeRequested = true
            condition.broadcast()
        }
    }

    /// Stops after the batch in flight (failed at once through `interrupt`) and leaves the outbox
    /// group. What was not acknowledged stays in the outbox.
    public func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
        }

        // Interrupt again while waiting: a publish may have begun just before the flag was seen.
        while condition.withLock({ thread != nil && !finished }) {
            interrupt?()
            condition.withLock {
                if thread != nil && !finished { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.5)) }
            }
        }
    }

    var isStopping: Bool {
        condition.withLock { stopping }
    }

    var progressSnapshot: Progress {
        condition.withLock { progress }
    }

    // MARK: The relay thread

    private func run() {
        while !isStopping {
            var relayed = false
            do {
                relayed = try round()
                if failures > 0 { recovered() }
            } catch {
                failed(error)
            }
            if !relayed { sleep(upTo: failures > 0 ? backoff() : options.pollInterval) }
        }

        try? source.leave(group: options.group, memberID: memberID)
        condition.withLock {
            finished = true
            condition.broadcast()
        }
        logger.info("Outbox relay stopped")
    }

    /// One pass over the partitions this member owns; true when it published something.
    private func round() throws -> Bool {
        try refreshTopics()
        let owned = try source.heartbeat(group: options.group, memberID: memberID, topics: topics.map(\.name))

        var relayed = false
        for partition in owned where !isStopping {
            relayed = try relay(partition) || relayed
        }
        return relayed
    }

    /// The outbox's topics, re-read every few seconds; the broker gets the same topics with the
    /// same partition counts before anything is published.
    private func refreshTopics() throws {
        guard !sinkReady || ContinuousClock.now - lastTopicsRefresh > .seconds(5) else { return }
        let current = try source.topics()
        let changed = current.map(\.name) != topics.map(\.name)

        // Only topics the broker has confirmed count as known: a failed attempt is made again.
        if changed || !sinkReady {
            try waitingForTheBroker {
                try sink.ensureTopics(current.map { TopicSpec(name: $0.name, partitions: $0.partitions.count) })
            }
            sinkReady = true
        }
        topics = current
        lastTopicsRefresh = .now
    }

    /// Runs a call to the broker, which counts as a stall once it has waited `stallThreshold`:
    /// creating topics during an outage waits as long as publishing does.
    private func waitingForTheBroker(_ call: () throws -> Void) throws {
        condition.withLock { progress.waitingSince = Date() }
        defer { condition.withLock { progress.waitingSince = nil } }
        try call()
    }

    private func relay(_ partition: TopicPartition) throws -> Bool {
        let position: Int64
        if let committed = try source.committedOffset(group: options.group, partition: partition) {
            position = committed
        } else {
            position = try source.offsets(of: partition).startOffset
        }
        let batch = try source.fetch(partition, from: position, limit: options.batchSize)
        guard let last = batch.last else { return false }

        try waitingForTheBroker { try sink.publish(relayed: batch) }
        try source.commit(group: options.group, partition: partition, offset: last.offset + 1)

        condition.withLock {
            progress.relayed += batch.count
            progress.lastRelayedAt = Date()
        }
        return true
    }

    // MARK: Failures

    private func failed(_ error: any Error) {
        failures += 1
        let text = EventConsumer.describe(error)
        let first = condition.withLock {
            defer {
                progress.lastError = text
                if progress.failingSince == nil { progress.failingSince = Date() }
            }
            return progress.failingSince == nil
        }
        // The first failure of an outage is worth a warning; the retries that follow are not.
        if first {
            logger.warning("Outbox relay cannot publish; will retry", [LogKey.error: text])
        } else {
            logger.debug("Outbox relay retry failed", [LogKey.error: text, LogKey.attempt: String(failures)])
        }
    }

    private func recovered() {
        logger.info("Outbox relay publishing again", [LogKey.attempt: String(failures)])
        failures = 0
        condition.withLock {
            progress.lastError = nil
            progress.failingSince = nil
        }
    }

    private func backoff() -> TimeInterval {
        let factor = pow(2, Double(min(failures - 1, 30)))
        return min(options.maxRetryBackoff, options.retryBackoff * factor)
    }

    private func sleep(upTo seconds: TimeInterval) {
        condition.lock()
        defer { condition.unlock() }

        if !wakeRequested && !stopping {
            _ = condition.wait(until: Date(timeIntervalSinceNow: max(0.001, seconds)))
        }
        wakeRequested = false
    }
}
