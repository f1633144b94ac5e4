import CKafka
import Foundation
import TodoCore
import TodoLogging

/// One member of a Kafka consumer group: its own librdkafka consumer and the thread that polls it
/// and calls the handler. The broker's group coordinator assigns the partitions (round-robin);
/// ``KafkaConsumerWorker`` does the per-message work.
public final class KafkaSubscription: Subscription, @unchecked Sendable {
    // @unchecked: `stopping`, `finished` and `thread` are read and written only while `condition`
    // is locked; `client` and `worker` are immutable and safe to share (see their own notes).
    public let group: String
    public let topics: [String]
    private let client: KafkaClient
    private let worker: KafkaConsumerWorker
    private let onFinish: @Sendable (KafkaSubscription) -> Void

    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    private var thread: Thread?

    init(
        group: String, topics: [String], options: SubscriptionOptions, configuration: KafkaConfiguration,
        logger: Logger, handler: @escaping @Sendable (LogMessage) throws -> Void,
        onFinish: @escaping @Sendable (KafkaSubscription) -> Void
    ) throws(AppError) {
        let worker = KafkaConsumerWorker(
            topics: topics, options: options, commitInterval: configuration.commitInterval,
            requestTimeout: configuration.requestTimeout, logger: logger, handler: handler)
        let callbacks = KafkaCallbacks(logger: logger) { code, reason in
            worker.clientError(code, reason)
        } onRebalance: { handle, code, partitions in
            worker.rebalance(handle, code, partitions)
        }
        client = try KafkaClient(
            .consumer, properties: configuration.librdkafkaProperties(for: .groupMember(group: group)),
            callbacks: callbacks)
        self.group = group
        self.topics = topics
        self.worker = worker
        self.onFinish = onFinish
    }

    /// The id the group coordinator gave this member; "" until it first joined.
    public var memberID: String { worker.memberID }

    public var assignments: [TopicPartition] { worker.assignments }

    /// Subscribes and starts the poll thread. Call once.
    func start() throws(AppError) {
        let list = PartitionList(
            topics.map { TopicPartition(topic: $0, partition: Int(ckafka_partition_unassigned())) })
        try KafkaStatus.check(rd_kafka_subscribe(client.handle, list.pointer), "subscribing to \(topics)")

        let thread = Thread { [self] in run() }
        thread.name = "kafka consumer \(group)"
        condition.withLock { self.thread = thread }
        thread.start()
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

    private var isStopping: Bool {
        condition.withLock { stopping }
    }

    private func run() {
        worker.run(client.handle) { [self] in isStopping }

        // Leaving the group runs the last revocation, and with it the last commit, on this thread.
        client.close()
        condition.withLock {
            finished = true
            condition.broadcast()
        }
        onFinish(self)
    }
}
