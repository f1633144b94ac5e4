import CKafka
import Foundation
import TodoCore
import TodoLogging

/// librdkafka's mock cluster: `brokers` Kafka brokers speaking the real protocol on loopback
/// ports, in this process. For tests and for `todo-chatbot kafka mock`, so the Kafka path runs
/// with no broker installed.
///
/// The mock keeps at most about 5 MiB per partition (older messages are evicted), does not
/// implement CreateTopics, ListGroups, DescribeGroups or DeleteRecords, and delays a group's first
/// join by 3 s; members need a `session.timeout.ms` of at least 3 s.
public final class KafkaMockCluster: KafkaTopicCreator, @unchecked Sendable {
    // @unchecked: the mock API hands every call to the cluster's own thread; `cluster` is cleared
    // only in close(), under `lock`.
    private let client: KafkaClient
    private let lock = NSLock()
    private var cluster: OpaquePointer?
    /// `host:port,...` for `bootstrap.servers`.
    public let bootstrapServers: String
    public let brokerCount: Int

    public init(brokers: Int = 1, logger: Logger) throws {
        // The cluster lives inside a handle of its own, which needs no broker list.
        client = try KafkaClient(
            .producer, properties: [("log_level", "3")], callbacks: KafkaCallbacks(logger: logger))
        guard let cluster = rd_kafka_mock_cluster_new(client.handle, Int32(max(1, brokers))) else {
            client.close()
            throw AppError.internal("rd_kafka_mock_cluster_new failed")
        }
        self.cluster = cluster
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
        brokerCount = max(1, brokers)
    }

    deinit { close() }

    public func createTopics(_ topics: [TopicSpec], replicationFactor: Int, config: [String: String]) throws {
        let replicas = replicationFactor < 1 ? 1 : min(replicationFactor, brokerCount)
        try withCluster { cluster in
            for topic in topics {
                let code = rd_kafka_mock_topic_create(cluster, topic.name, Int32(topic.partitions), Int32(replicas))
                try KafkaStatus.check(code, "creating mock topic \(topic.name)")
            }
        }
    }

    /// Disconnects every broker and refuses new connections, as in a broker outage.
    public func stopBrokers() throws {
        try withCluster { try KafkaStatus.check(rd_kafka_mock_broker_set_down($0, -1), "stopping mock brokers") }
    }

    /// Accepts connections again after ``stopBrokers()``.
    public func startBrokers() throws {
        try withCluster { try KafkaStatus.check(rd_kafka_mock_broker_set_up($0, -1), "starting mock brokers") }
    }

    /// Shuts the brokers down; clients still connected see the cluster disappear.
    public func close() {
        let cluster = lock.withLock {
            defer { self.cluster = nil }
            return self.cluster
        }
        guard let cluster else { return }
        rd_kafka_mock_cluster_destroy(cluster)
        client.close()
    }

    private func withCluster(_ body: (OpaquePointer) throws -> Void) throws {
        try lock.withLock {
            guard let cluster else { throw AppError.unavailable("The mock cluster is closed", code: "broker_closed") }
            try body(cluster)
        }
    }
}
