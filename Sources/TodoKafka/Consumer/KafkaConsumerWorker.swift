import CKafka
import Foundation
import Synchronization
import TodoCore
import TodoLogging

/// The poll loop of one ``KafkaSubscription``: hands each message to the handler in partition
/// order and commits the offsets of those it handled.
///
/// - **Commit after the handler.** An offset is recorded only once its handler returned, and
///   committed asynchronously when the consumer runs out of messages or `commitInterval` passed,
///   synchronously on every revocation and when the member stops. A crash loses at most the
///   commits since the last one: those messages are delivered again (at-least-once).
/// - **Retry in place.** When the handler throws, the partition is paused (librdkafka drops what it
///   had prefetched) and the same message is handed over again after the backoff, while the other
///   partitions go on; once it succeeds, the partition is sought to the next offset and resumed.
/// - **Rebalances** run inside `rd_kafka_consumer_poll` on this same thread, so no handler runs
///   while partitions move (see `KafkaConsumerWorker+Rebalance.swift`).
final class KafkaConsumerWorker: @unchecked Sendable {
    // @unchecked: `next`, `held`, `dirty` and `lastCommit` are touched only on the subscription's
    // poll thread (the loop and the rebalance callback it serves); `shared` is a Mutex.
    struct Held {
        var message: LogMessage
        var failures: Int
        var retryAt: ContinuousClock.Instant
    }

    struct Shared {
        var owned: [TopicPartition] = []
        var memberID = ""
    }

    let topics: [String]
    let options: SubscriptionOptions
    let commitInterval: Duration
    let requestTimeoutMilliseconds: Int32
    let logger: Logger
    private let handler: @Sendable (LogMessage) throws -> Void
    let shared = Mutex(Shared())

    /// Per owned partition: the offset after the last handled message.
    var next: [TopicPartition: Int64] = [:]
    /// Per owned partition: the message whose handler failed, waiting for its retry.
    var held: [TopicPartition: Held] = [:]
    var dirty = false
    var lastCommit = ContinuousClock.now

    init(
        topics: [String], options: SubscriptionOptions, commitInterval: TimeInterval, requestTimeout: TimeInterval,
        logger: Logger, handler: @escaping @Sendable (LogMessage) throws -> Void
    ) {
        self.topics = topics
        self.options = options
        self.commitInterval = .milliseconds(Int64(max(0.01, commitInterval) * 1000))
        self.requestTimeoutMilliseconds = Int32(max(1, requestTimeout) * 1000)
        self.logger = logger
        self.handler = handler
    }

    var memberID: String { shared.withLock { $0.memberID } }
    var assignments: [TopicPartition] { shared.withLock { $0.owned } }

    /// Polls until `isStopping` says so, then commits what it handled.
    func run(_ handle: OpaquePointer, isStopping: () -> Bool) {
        while !isStopping() {
            retryHeld(handle, isStopping: isStopping)
            guard !isStopping() else { break }

            guard let raw = rd_kafka_consumer_poll(handle, pollTimeout()) else {
                commit(handle, synchronously: false)
                continue
            }
            let message = KafkaMessage(raw)
            guard message.error == RD_KAFKA_RESP_ERR_NO_ERROR else {
                report(message)
                continue
            }
            deliver(message.logMessage(), handle)
            if dirty && ContinuousClock.now - lastCommit >= commitInterval {
                commit(handle, synchronously: false)
            }
        }
        commit(handle, synchronously: true)
    }

    // MARK: Messages

    private func deliver(_ message: LogMessage, _ handle: OpaquePointer) {
        let partition = TopicPartition(topic: message.topic, partition: message.partition)
        // A paused partition's prefetched messages, or a duplicate from before a seek: not now.
        guard held[partition] == nil else { return }
        if let next = next[partition], message.offset < next { return }

        do {
            try handler(message)
            handled(message)
        } catch {
            hold(message, failures: 1, handle)
        }
    }

    private func handled(_ message: LogMessage) {
        next[TopicPartition(topic: message.topic, partition: message.partition)] = message.offset + 1
        dirty = true
    }

    private func hold(_ message: LogMessage, failures: Int, _ handle: OpaquePointer) {
        let partition = TopicPartition(topic: message.topic, partition: message.partition)
        let wait = options.backoff(afterFailures: failures)
        held[partition] = Held(message: message, failures: failures, retryAt: .now + .milliseconds(Int64(wait * 1000)))
        if failures == 1 {
            let list = PartitionList([partition])
            _ = rd_kafka_pause_partitions(handle, list.pointer)
        }
    }

    /// Hands every held message whose backoff has passed to the handler again.
    private func retryHeld(_ handle: OpaquePointer, isStopping: () -> Bool) {
        let now = ContinuousClock.now
        for (partition, entry) in held.sorted(by: { $0.key < $1.key }) where entry.retryAt <= now {
            guard !isStopping() else { return }
            do {
                try handler(entry.message)
            } catch {
                hold(entry.message, failures: entry.failures + 1, handle)
                continue
            }
            held[partition] = nil
            handled(entry.message)
            resume(partition, at: entry.message.offset + 1, handle)
        }
    }

    private func resume(_ partition: TopicPartition, at offset: Int64, _ handle: OpaquePointer) {
        let list = PartitionList([partition], offset: offset)
        if let error = rd_kafka_seek_partitions(handle, list.pointer, requestTimeoutMilliseconds) {
            logger.warning(
                "Kafka seek failed",
                [LogKey.topic: partition.topic, LogKey.error: String(cString: rd_kafka_error_string(error))])
            rd_kafka_error_destroy(error)
        }
        _ = rd_kafka_resume_partitions(handle, list.pointer)
    }

    /// Waits no longer than the next retry is due, and at most 100 ms, so stopping is prompt.
    private func pollTimeout() -> Int32 {
        guard let soonest = held.values.map(\.retryAt).min() else { return 100 }
        let parts = ContinuousClock.now.duration(to: soonest).components
        let milliseconds = parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
        return Int32(max(0, min(100, milliseconds)))
    }

    // MARK: Commits and errors

    /// Commits the next offset of every partition handled since the assignment.
    func commit(_ handle: OpaquePointer, synchronously: Bool) {
        guard !next.isEmpty, dirty || synchronously else { return }
        let list = PartitionList(offsets: next)
        let code = rd_kafka_commit(handle, list.pointer, synchronously ? 0 : 1)
        lastCommit = .now
        dirty = false
        if code != RD_KAFKA_RESP_ERR_NO_ERROR && code != RD_KAFKA_RESP_ERR__NO_OFFSET {
            logger.debug("Kafka offset commit failed", [LogKey.error: KafkaStatus.name(code)])
        }
    }

    private func report(_ message: KafkaMessage) {
        let code = message.error
        guard code != RD_KAFKA_RESP_ERR__PARTITION_EOF else { return }
        let level: Logger.Level = KafkaStatus.unreachable.contains(code) ? .debug : .warning
        logger.log(
            level, "Kafka consumer error",
            [LogKey.topic: message.topic, LogKey.error: "\(KafkaStatus.name(code)): \(message.errorText)"])
    }

    /// librdkafka's error callback (from inside the poll).
    func clientError(_ code: rd_kafka_resp_err_t, _ reason: String) {
        let level: Logger.Level = KafkaStatus.unreachable.contains(code) ? .debug : .warning
        logger.log(level, "Kafka consumer client error", [LogKey.error: "\(KafkaStatus.name(code)): \(reason)"])
    }
}
